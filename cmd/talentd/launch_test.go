package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"talentd/api/apitest"
)

// instance is a talentd running in-process.
type instance struct {
	url    string
	stdout *lineWatcher       // what it printed (the first key, the URL)
	log    *apitest.LogBuffer // its JSON log (stderr)
	stop   func() error
}

// launch runs talentd serve on 127.0.0.1:0 with args and the environment
// env, keeping its output; it stops when the test ends, if not before.
func launch(t *testing.T, env map[string]string, args ...string) *instance {
	t.Helper()
	inst := &instance{stdout: newLineWatcher(), log: &apitest.LogBuffer{}}
	inst.url, inst.stop = runInProcess(t, env, inst.stdout, inst.log, args...)
	return inst
}

// start runs talentd serve on 127.0.0.1:0 with the data directory and
// args, its log discarded, and returns its base URL and what stops it
// (which returns run's error); it stops when the test ends, if not before.
func start(tb testing.TB, dir string, args ...string) (string, func() error) {
	tb.Helper()
	return runInProcess(tb, nil, newLineWatcher(), io.Discard, append([]string{"-data-dir", dir}, args...)...)
}

// runInProcess runs talentd (run) in this process on 127.0.0.1:0 with args
// and the environment env until stopped, and returns its base URL once it
// listens, and stop, which returns run's error; the test stops it when it
// ends, if not before. A talentd that does not start fails the test.
func runInProcess(tb testing.TB, env map[string]string, stdout *lineWatcher, stderr io.Writer, args ...string) (url string, stop func() error) {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	args = append([]string{"-http-addr", "127.0.0.1:0"}, args...)
	go func() { done <- run(ctx, args, func(k string) string { return env[k] }, stdout, stderr) }()
	var once sync.Once
	var err error
	stop = func() error { once.Do(func() { cancel(); err = <-done }); return err }
	tb.Cleanup(func() { stop() })
	select {
	case url = <-stdout.url:
		return url, stop
	case err := <-done:
		tb.Fatalf("talentd did not start: %v\n%s", err, logged(stderr))
	case <-time.After(30 * time.Second):
		tb.Fatal("talentd did not start within 30s")
	}
	return "", nil
}

// logged is what stderr holds, when it keeps it.
func logged(stderr io.Writer) string {
	if s, ok := stderr.(fmt.Stringer); ok {
		return s.String()
	}
	return ""
}

// printed is everything the instance wrote to stdout.
func (i *instance) printed() string {
	i.stdout.mu.Lock()
	defer i.stdout.mu.Unlock()
	return i.stdout.buf.String()
}

// call sends a request with the secret (none when "") and returns the
// status and body.
func (i *instance) call(t *testing.T, secret, method, path, body string, headers ...string) (int, string) {
	t.Helper()
	req, err := apiRequest(context.Background(), method, i.url+path, secret, body, headers...)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(res.Body)
	return res.StatusCode, b.String()
}

// apiRequest is a request to talentd with the secret as its bearer key
// (none when ""), body as JSON (none when "") and headers as name, value
// pairs.
func apiRequest(ctx context.Context, method, url, secret, body string, headers ...string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	if secret != "" {
		req.Header.Set("Authorization", "Bearer "+secret)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k := 0; k+1 < len(headers); k += 2 {
		req.Header.Set(headers[k], headers[k+1])
	}
	return req, nil
}

// cli runs a talentd sub-command to its end and returns what it printed.
func cli(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = run(context.Background(), args, func(k string) string { return env[k] }, &out, &errb)
	return out.String(), errb.String(), err
}

// freePort is a loopback port nothing listens on right now.
func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// waitUntil polls ok every 20 ms and fails the test if it is not true
// within d.
func waitUntil(t *testing.T, d time.Duration, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(d); !ok(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("condition not met within %s", d)
		}
	}
}
