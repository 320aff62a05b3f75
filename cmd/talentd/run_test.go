package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"

	"talentd/registry/sqlite"
)

// lineWatcher is an io.Writer that remembers output and reports the URL
// talentd prints when it listens.
type lineWatcher struct {
	url chan string // receives the URL once; never reassigned

	mu   sync.Mutex
	buf  bytes.Buffer
	sent bool
}

var listenLine = regexp.MustCompile(`listening on (https?://\S+)`)

func newLineWatcher() *lineWatcher { return &lineWatcher{url: make(chan string, 1)} }

func (w *lineWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if m := listenLine.FindSubmatch(w.buf.Bytes()); m != nil && !w.sent {
		w.url <- string(m[1])
		w.sent = true
	}
	return len(p), nil
}

// testToken is the bootstrap admin key of the tests.
const testToken = "tk_test_bootstrap_0123456789abcdefghij"

// authed sends a request with testToken.
func authed(t *testing.T, method, url, body string) *http.Response {
	t.Helper()
	req, err := apiRequest(context.Background(), method, url, testToken, body)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestRunServesAndShutsDownCleanly(t *testing.T) {
	dir := t.TempDir()
	url, stop := start(t, dir, "-bootstrap-token", testToken)
	body := `{"area":"371302","name":"临沂(上海)加速器","type":"ACCELERATOR","builder_kind":"GOV_DEPT",
	"builder":{"uscc":"914403001922038216","name":"临沂市科技局"},"host_region":"YANGTZE_DELTA",
	"host_city":"上海","address":"徐汇区","floor_area_m2":800,"rd_staff":12,
	"contacts":[{"name":"王敏","email":"wm@example.cn"}]}`
	resp := authed(t, "POST", url+"/v1/enclaves", body)
	var rec struct{ ID, Status string }
	json.NewDecoder(resp.Body).Decode(&rec)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || rec.Status != "DRAFT" || resp.Header.Get("Location") != "/v1/enclaves/"+rec.ID {
		t.Fatalf("create: %d %+v %s", resp.StatusCode, rec, resp.Header.Get("Location"))
	}
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		if r, err := http.Get(url + path); err != nil || r.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %v %v", path, r.StatusCode, err)
		}
	}
	if r := authed(t, "GET", url+"/v1/enclaves/"+rec.ID, ""); r.StatusCode != http.StatusOK {
		t.Fatalf("GET the enclave: %d", r.StatusCode)
	}
	if err := stop(); err != nil {
		t.Fatalf("run returned %v after shutdown", err)
	}
	// The store was closed: the data directory can be opened again.
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatalf("data directory still locked after shutdown: %v", err)
	}
	s.Close()
}

func TestSecondProcessOnSameDataDirIsRefused(t *testing.T) {
	dir := t.TempDir()
	_, stop := start(t, dir)
	defer stop()
	err := run(context.Background(), []string{"-http-addr", "127.0.0.1:0", "-data-dir", dir}, func(string) string { return "" }, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("second talentd on the same data dir: %v", err)
	}
}

func TestUnknownCommandAndBadFlag(t *testing.T) {
	env := func(string) string { return "" }
	if err := run(context.Background(), []string{"frobnicate"}, env, io.Discard, io.Discard); err == nil {
		t.Fatal("unknown command accepted")
	}
	if err := run(context.Background(), []string{"-no-such-flag"}, env, io.Discard, io.Discard); err == nil {
		t.Fatal("unknown flag accepted")
	}
	bad := func(k string) string {
		if k == "TALENTD_NATS_PORT" {
			return "many"
		}
		return ""
	}
	if err := run(context.Background(), []string{"-http-addr", "127.0.0.1:0"}, bad, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "TALENTD_NATS_PORT") {
		t.Fatalf("bad env value: %v", err)
	}
}
