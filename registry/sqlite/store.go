package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"talentd/registry"
)

// FileName is the database file inside the data directory.
const FileName = "talentd.db"

// readers is the size of the read-only connection pool.
const readers = 4

// Store is the SQLite registry.Store and registry.Outbox.
type Store struct {
	write *sql.DB // one connection: every write transaction runs alone
	read  *sql.DB // read-only pool
	st    *statements

	rareRows int // see chooseDriver
	lock     *os.File

	closeOnce sync.Once
	closeErr  error
}

var (
	_ registry.Store  = (*Store)(nil)
	_ registry.Outbox = (*Store)(nil)
)

// Open opens (creating if needed) the store in dir, applies pending
// migrations and locks dir against other processes until Close.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("sqlite: create data directory: %w", err)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	s, err := openDBs(filepath.Join(dir, FileName))
	if err != nil {
		unlockDir(lock)
		return nil, err
	}
	s.lock = lock
	return s, nil
}

// openDBs opens the writer and the reader pool on path and migrates.
func openDBs(path string) (*Store, error) {
	write, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open: %w", err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	ctx := context.Background()
	if err := migrate(ctx, write); err != nil {
		write.Close()
		return nil, err
	}
	if _, err := write.ExecContext(ctx, `PRAGMA optimize=0x10002`); err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite: optimize: %w", err)
	}
	read, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite: open: %w", err)
	}
	read.SetMaxOpenConns(readers)
	read.SetMaxIdleConns(readers)
	st, err := prepareStatements(ctx, write, read)
	if err != nil {
		read.Close()
		write.Close()
		return nil, err
	}
	return &Store{write: write, read: read, st: st, rareRows: rareRows}, nil
}

// dsn is the connection string: WAL, NORMAL sync, foreign keys, a busy
// timeout, IMMEDIATE write transactions; readOnly pools refuse writes.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate")
	q.Add("_pragma", "analysis_limit(1000)") // keeps PRAGMA optimize quick
	if readOnly {
		q.Add("_pragma", "query_only(1)")
		q.Set("_txlock", "deferred")
	}
	return "file:" + path + "?" + q.Encode()
}

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.read.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		return fmt.Errorf("sqlite: ping: %w", err)
	}
	return nil
}

// Close closes the database and releases the data directory. Closing again
// does nothing.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		_, optErr := s.write.Exec(`PRAGMA optimize`)
		s.closeErr = errors.Join(optErr, s.st.close(), s.read.Close(), s.write.Close())
		if s.lock != nil {
			s.closeErr = errors.Join(s.closeErr, unlockDir(s.lock))
		}
		if s.closeErr != nil {
			s.closeErr = fmt.Errorf("sqlite: close: %w", s.closeErr)
		}
	})
	return s.closeErr
}

// Reader returns the read-only connection pool, for tests and diagnostics
// that inspect raw rows (for instance, that no stored body holds a clear
// personal number: SELECT body FROM record_bodies). It refuses writes; do
// not close it.
func (s *Store) Reader() *sql.DB { return s.read }
