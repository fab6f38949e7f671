// A VFS shim for the writer's connection. In WAL mode a COMMIT writes each frame as two writes (its
// 24-byte header, then the page) before one sync: ~270 system calls for a commit of ~130 pages. Those
// writes are contiguous, so they are gathered here and passed on together (in pieces of 64 KB) just
// before the sync: ~20 system calls.
//
// Durability is unchanged as long as every commit syncs the log (PRAGMA synchronous=FULL, which the
// writer sets): SQLite publishes a commit to other connections (the wal-index header) only after xSync
// returns, and xSync writes everything gathered before syncing. Without a sync per commit, a commit could
// be published while its frames are still gathered here. Anything SQLite reads back from the log through
// this connection is written out first, so its reads always see every earlier write.

#include "log_buffer_vfs.h"

#include <pthread.h>
#include <sqlite3.h>
#include <string.h>

/// Gathered bytes at most; a longer run is written through.
#define GATHER_CAPACITY (2 * 1024 * 1024)
/// The most handed to the default VFS in one write: its unix write takes a length modulo 128 KiB
/// (`nBuf &= 0x1ffff`) and reports a disk full when that leaves nothing.
#define PASS_ON_LIMIT (64 * 1024)

static const char *const vfsName = "junction-log-buffer";
static sqlite3_vfs bufferVFS;
static sqlite3_vfs *defaultVFS;
static pthread_once_t registration = PTHREAD_ONCE_INIT;
static int registrationResult = SQLITE_OK;

/// A write-ahead log file: the default VFS's file right after this struct, and the run of bytes written
/// but not yet passed on (`pendingLength` bytes from `pendingOffset`).
typedef struct LogFile {
    sqlite3_file base;
    sqlite3_file *file;
    unsigned char *pending;
    sqlite3_int64 pendingOffset;
    int pendingLength;
} LogFile;

static size_t logFileHeaderSize(void) {
    return (sizeof(LogFile) + 7) & ~(size_t)7;
}

/// Writes `amount` bytes at `offset` in pieces the default VFS takes whole.
static int writeThrough(LogFile *log, const unsigned char *bytes, int amount, sqlite3_int64 offset) {
    for (int done = 0; done < amount;) {
        int piece = amount - done < PASS_ON_LIMIT ? amount - done : PASS_ON_LIMIT;
        int rc = log->file->pMethods->xWrite(log->file, bytes + done, piece, offset + done);
        if (rc != SQLITE_OK) return rc;
        done += piece;
    }
    return SQLITE_OK;
}

static int passOn(LogFile *log) {
    if (log->pendingLength == 0) return SQLITE_OK;
    int length = log->pendingLength;
    log->pendingLength = 0;
    return writeThrough(log, log->pending, length, log->pendingOffset);
}

static int logClose(sqlite3_file *base) {
    LogFile *log = (LogFile *)base;
    int written = passOn(log);
    int closed = log->file->pMethods->xClose(log->file);
    sqlite3_free(log->pending);
    log->pending = NULL;
    return written != SQLITE_OK ? written : closed;
}

static int logRead(sqlite3_file *base, void *buffer, int amount, sqlite3_int64 offset) {
    LogFile *log = (LogFile *)base;
    int rc = passOn(log);
    if (rc != SQLITE_OK) return rc;
    return log->file->pMethods->xRead(log->file, buffer, amount, offset);
}

static int logWrite(sqlite3_file *base, const void *bytes, int amount, sqlite3_int64 offset) {
    LogFile *log = (LogFile *)base;
    if (log->pendingLength > 0 && offset == log->pendingOffset + log->pendingLength
        && amount <= GATHER_CAPACITY - log->pendingLength) {
        memcpy(log->pending + log->pendingLength, bytes, (size_t)amount);
        log->pendingLength += amount;
        return SQLITE_OK;
    }
    int rc = passOn(log);
    if (rc != SQLITE_OK) return rc;
    if (log->pending == NULL) log->pending = sqlite3_malloc(GATHER_CAPACITY);
    if (log->pending == NULL || amount > GATHER_CAPACITY) {
        return writeThrough(log, bytes, amount, offset);
    }
    memcpy(log->pending, bytes, (size_t)amount);
    log->pendingOffset = offset;
    log->pendingLength = amount;
    return SQLITE_OK;
}

static int logTruncate(sqlite3_file *base, sqlite3_int64 size) {
    LogFile *log = (LogFile *)base;
    int rc = passOn(log);
    return rc != SQLITE_OK ? rc : log->file->pMethods->xTruncate(log->file, size);
}

static int logSync(sqlite3_file *base, int flags) {
    LogFile *log = (LogFile *)base;
    int rc = passOn(log);
    return rc != SQLITE_OK ? rc : log->file->pMethods->xSync(log->file, flags);
}

static int logFileSize(sqlite3_file *base, sqlite3_int64 *size) {
    LogFile *log = (LogFile *)base;
    int rc = passOn(log);
    return rc != SQLITE_OK ? rc : log->file->pMethods->xFileSize(log->file, size);
}

static int logLock(sqlite3_file *base, int level) {
    LogFile *log = (LogFile *)base;
    return log->file->pMethods->xLock(log->file, level);
}

static int logUnlock(sqlite3_file *base, int level) {
    LogFile *log = (LogFile *)base;
    return log->file->pMethods->xUnlock(log->file, level);
}

static int logCheckReservedLock(sqlite3_file *base, int *reserved) {
    LogFile *log = (LogFile *)base;
    return log->file->pMethods->xCheckReservedLock(log->file, reserved);
}

static int logFileControl(sqlite3_file *base, int op, void *argument) {
    LogFile *log = (LogFile *)base;
    int rc = passOn(log);
    return rc != SQLITE_OK ? rc : log->file->pMethods->xFileControl(log->file, op, argument);
}

static int logSectorSize(sqlite3_file *base) {
    LogFile *log = (LogFile *)base;
    return log->file->pMethods->xSectorSize(log->file);
}

static int logDeviceCharacteristics(sqlite3_file *base) {
    LogFile *log = (LogFile *)base;
    return log->file->pMethods->xDeviceCharacteristics(log->file);
}

static int logShmMap(sqlite3_file *base, int region, int size, int extend, void volatile **mapped) {
    LogFile *log = (LogFile *)base;
    return log->file->pMethods->xShmMap(log->file, region, size, extend, mapped);
}

static int logShmLock(sqlite3_file *base, int offset, int count, int flags) {
    LogFile *log = (LogFile *)base;
    return log->file->pMethods->xShmLock(log->file, offset, count, flags);
}

static void logShmBarrier(sqlite3_file *base) {
    LogFile *log = (LogFile *)base;
    log->file->pMethods->xShmBarrier(log->file);
}

static int logShmUnmap(sqlite3_file *base, int deleteFlag) {
    LogFile *log = (LogFile *)base;
    return log->file->pMethods->xShmUnmap(log->file, deleteFlag);
}

static int logFetch(sqlite3_file *base, sqlite3_int64 offset, int amount, void **page) {
    LogFile *log = (LogFile *)base;
    int rc = passOn(log);
    return rc != SQLITE_OK ? rc : log->file->pMethods->xFetch(log->file, offset, amount, page);
}

static int logUnfetch(sqlite3_file *base, sqlite3_int64 offset, void *page) {
    LogFile *log = (LogFile *)base;
    return log->file->pMethods->xUnfetch(log->file, offset, page);
}

static const sqlite3_io_methods logMethods = {
    3,
    logClose, logRead, logWrite, logTruncate, logSync, logFileSize,
    logLock, logUnlock, logCheckReservedLock, logFileControl, logSectorSize, logDeviceCharacteristics,
    logShmMap, logShmLock, logShmBarrier, logShmUnmap,
    logFetch, logUnfetch,
};

/// Opens every file with the default VFS; a write-ahead log whose methods have every entry this shim
/// forwards (version 3) gets the gathering methods around it.
static int bufferOpen(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *base, int flags, int *outFlags) {
    (void)vfs;
    if ((flags & SQLITE_OPEN_WAL) == 0) return defaultVFS->xOpen(defaultVFS, name, base, flags, outFlags);
    LogFile *log = (LogFile *)base;
    memset(log, 0, sizeof *log);
    log->file = (sqlite3_file *)((unsigned char *)base + logFileHeaderSize());
    int rc = defaultVFS->xOpen(defaultVFS, name, log->file, flags, outFlags);
    if (rc != SQLITE_OK) {
        if (log->file->pMethods != NULL) log->file->pMethods->xClose(log->file);
        log->base.pMethods = NULL;
        return rc;
    }
    if (log->file->pMethods->iVersion < 3) {
        log->file->pMethods->xClose(log->file);
        log->base.pMethods = NULL;
        return defaultVFS->xOpen(defaultVFS, name, base, flags, outFlags);
    }
    log->base.pMethods = &logMethods;
    return SQLITE_OK;
}

static void registerOnce(void) {
    defaultVFS = sqlite3_vfs_find(NULL);
    if (defaultVFS == NULL) {
        registrationResult = SQLITE_ERROR;
        return;
    }
    bufferVFS = *defaultVFS;
    bufferVFS.zName = vfsName;
    bufferVFS.pNext = NULL;
    bufferVFS.szOsFile = (int)(logFileHeaderSize() + (size_t)defaultVFS->szOsFile);
    bufferVFS.xOpen = bufferOpen;
    registrationResult = sqlite3_vfs_register(&bufferVFS, 0);
}

int junction_log_buffer_vfs_register(void) {
    pthread_once(&registration, registerOnce);
    return registrationResult;
}

const char *junction_log_buffer_vfs_name(void) {
    return vfsName;
}
