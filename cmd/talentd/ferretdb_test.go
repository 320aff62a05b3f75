package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"syscall"
	"testing"
	"time"

	"talentd/registry/mongodb/mongodbtest"
)

// ferretEnv, set to a directory, makes the test binary a FerretDB server
// on SQLite in that directory instead of running tests: the crash test's
// MongoDB engine runs as a process of its own, as a real one would.
const ferretEnv = "TALENTD_TEST_FERRETDB_DIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(ferretEnv); dir != "" {
		os.Exit(serveFerretDB(dir))
	}
	code := m.Run()
	removeBinaries()
	os.Exit(code)
}

// serveFerretDB runs FerretDB on a free loopback port, prints its URI and
// serves until SIGTERM.
func serveFerretDB(dir string) int {
	f, err := mongodbtest.NewFerretDB(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	done := make(chan struct{})
	go func() { defer close(done); _ = f.Run(ctx) }()
	fmt.Printf("ferretdb listening on %s\n", f.MongoDBURI())
	<-done
	return 0
}

var ferretURI = regexp.MustCompile(`ferretdb listening on (mongodb://\S+)`)

// startFerretDB runs FerretDB in a process of its own, storing in dir, and
// returns its URI.
func startFerretDB(t *testing.T, dir string) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p := startProc(t, "ferretdb", []string{ferretEnv + "=" + dir}, self, "-test.run=^$")
	var uri string
	waitUntil(t, 15*time.Second, func() bool {
		m := ferretURI.FindStringSubmatch(p.out.Tail(1000))
		if m != nil {
			uri = m[1]
		}
		return m != nil
	})
	return uri
}
