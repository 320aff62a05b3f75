package main

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is an io.Writer safe for talentd's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// instance is a talentd running in-process.
type instance struct {
	url    string
	stdout *lineWatcher // what it printed (the first key, the URL)
	log    *syncBuffer  // its JSON log (stderr)
	stop   func() error
}

// launch runs talentd serve on 127.0.0.1:0 with args and the environment
// env, keeping its output; it stops when the test ends, if not before.
func launch(t *testing.T, env map[string]string, args ...string) *instance {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	inst := &instance{stdout: &lineWatcher{url: make(chan string, 1)}, log: &syncBuffer{}}
	done := make(chan error, 1)
	args = append([]string{"-http-addr", "127.0.0.1:0"}, args...)
	go func() { done <- run(ctx, args, func(k string) string { return env[k] }, inst.stdout, inst.log) }()
	var once sync.Once
	var err error
	inst.stop = func() error { once.Do(func() { cancel(); err = <-done }); return err }
	t.Cleanup(func() { inst.stop() })
	select {
	case inst.url = <-inst.stdout.url:
		return inst
	case err := <-done:
		t.Fatalf("talentd did not start: %v\n%s", err, inst.log.String())
	case <-time.After(30 * time.Second):
		t.Fatal("talentd did not start within 30s")
	}
	return nil
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
	req, err := http.NewRequest(method, i.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
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
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(res.Body)
	return res.StatusCode, b.String()
}

// cli runs a talentd sub-command to its end and returns what it printed.
func cli(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = run(context.Background(), args, func(k string) string { return env[k] }, &out, &errb)
	return out.String(), errb.String(), err
}
