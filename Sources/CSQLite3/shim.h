// The system's SQLite (Debian: libsqlite3-dev), used by JunctionSQLite only.
#include <sqlite3.h>
