package mongodbtest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// EnvURI names the variable that points the tests at a real MongoDB.
const EnvURI = "TALENTD_TEST_MONGO_URI"

// FerretDBPoolSize is the client pool size to use against FerretDB: it
// loses concurrent updates of one document unless commands run one at a
// time.
const FerretDBPoolSize = 1

// Start runs a FerretDB for the test, on SQLite in t.TempDir(), and
// returns its mongodb:// URI. It stops when the test ends. Starting one
// takes a few milliseconds.
func Start(t testing.TB) string {
	t.Helper()
	return StartServer(t, t.TempDir()).URI
}

// Server is a running in-process FerretDB.
type Server struct {
	// URI is the mongodb:// address it listens on (a free loopback port).
	URI  string
	stop func()
}

// StartServer runs a FerretDB keeping its data in dir, so a test can stop
// it and start another on the same data (a restart). It stops when the
// test ends, if not before.
func StartServer(t testing.TB, dir string) *Server {
	t.Helper()
	f, err := NewFerretDB(dir)
	if err != nil {
		t.Fatalf("mongodbtest: start ferretdb: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx)
	}()
	var once sync.Once
	srv := &Server{URI: f.MongoDBURI(), stop: func() { once.Do(func() { cancel(); <-done }) }}
	t.Cleanup(srv.Stop)
	return srv
}

// NewFerretDB configures the FerretDB the tests run: on SQLite in dir,
// listening on a free loopback port, logging nothing. Run serves, until its
// context ends; MongoDBURI is its address.
func NewFerretDB(dir string) (*ferretdb.FerretDB, error) {
	return ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
}

// Stop stops the server and waits until it has closed its connections and
// data; stopping twice is harmless. Close clients first: with connections
// still open it waits about three seconds for them.
func (s *Server) Stop() { s.stop() }

// RealURI returns the real MongoDB's URI from TALENTD_TEST_MONGO_URI, or
// skips the test when it is not set.
func RealURI(t testing.TB) string {
	t.Helper()
	uri := os.Getenv(EnvURI)
	if uri == "" {
		t.Skipf("mongodbtest: %s not set; no real MongoDB to test against", EnvURI)
	}
	return uri
}

var dbSeq atomic.Int64

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_]+`)

// Database returns a fresh database name for the test (at most 63 bytes,
// unique within the process and across runs) and drops that database at
// uri when the test ends.
func Database(t testing.TB, uri string) string {
	t.Helper()
	base := unsafeName.ReplaceAllString(t.Name(), "_")
	suffix := fmt.Sprintf("_%d_%d", time.Now().UnixNano()%1e9, dbSeq.Add(1))
	if max := 63 - len(suffix) - 2; len(base) > max {
		base = base[len(base)-max:]
	}
	name := strings.Trim("t_"+base+suffix, "_")
	t.Cleanup(func() { drop(t, uri, name) })
	return name
}

func drop(t testing.TB, uri, name string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	client, err := mongo.Connect(options.Client().ApplyURI(uri).SetMaxPoolSize(1))
	if err != nil {
		t.Logf("mongodbtest: drop %s: %v", name, err)
		return
	}
	defer func() { _ = client.Disconnect(ctx) }()
	if err := client.Database(name).Drop(ctx); err != nil {
		t.Logf("mongodbtest: drop %s: %v", name, err)
	}
}
