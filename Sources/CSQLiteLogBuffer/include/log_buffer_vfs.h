#ifndef JUNCTION_LOG_BUFFER_VFS_H
#define JUNCTION_LOG_BUFFER_VFS_H

/// Registers, once per process, the SQLite VFS named by junction_log_buffer_vfs_name(): the default VFS
/// with the write-ahead log's writes gathered in memory and handed to the file together (in pieces of
/// 64 KB) when SQLite syncs, reads, sizes, truncates or closes the log, or when the next write does not
/// follow on. Every other file, and every other operation, goes straight to the default VFS.
///
/// Returns SQLITE_OK, or SQLite's error when the VFS could not be registered.
int junction_log_buffer_vfs_register(void);

/// The name to open a connection with (sqlite3_open_v2's last argument).
const char *junction_log_buffer_vfs_name(void);

#endif
