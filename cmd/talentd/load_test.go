package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// apiClient talks to a talentd as the tests' bootstrap admin.
type apiClient struct {
	base string
	http *http.Client
}

func newAPIClient(base string) *apiClient {
	return &apiClient{base: base, http: &http.Client{Timeout: 10 * time.Second}}
}

// do sends a request and returns the status and body; err means no answer.
func (c *apiClient) do(ctx context.Context, method, path, body string, header ...string) (int, []byte, error) {
	req, err := apiRequest(ctx, method, c.base+path, testToken, body, header...)
	if err != nil {
		return 0, nil, err
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, b, err
}

// recordState is what a write answered: the record's id, version, status.
type recordState struct {
	ID      string `json:"id"`
	Version int64  `json:"version"`
	Status  string `json:"status"`
}

// write sends a write and decodes the record it answers with on a 2xx.
func (c *apiClient) write(ctx context.Context, method, path, body string, header ...string) (recordState, int, error) {
	status, b, err := c.do(ctx, method, path, body, header...)
	var r recordState
	if err == nil && status/100 == 2 {
		err = json.Unmarshal(b, &r)
	}
	return r, status, err
}

// enclaveBody is a valid new enclave named name.
func enclaveBody(name string) string {
	return `{"area":"371302","name":"` + name + `","type":"ACCELERATOR","builder_kind":"GOV_DEPT",
	"builder":{"uscc":"914403001922038216","name":"临沂市科技局"},"host_region":"YANGTZE_DELTA",
	"host_city":"上海","address":"徐汇区","floor_area_m2":800,"rd_staff":12,
	"contacts":[{"name":"王敏","email":"wm@example.cn"}]}`
}

func (c *apiClient) createEnclave(ctx context.Context, name string) (recordState, int, error) {
	return c.write(ctx, "POST", "/v1/enclaves", enclaveBody(name))
}

// rename patches the enclave's name at version.
func (c *apiClient) rename(ctx context.Context, r recordState, name string) (recordState, int, error) {
	return c.write(ctx, "PATCH", "/v1/enclaves/"+r.ID, `{"name":"`+name+`"}`, "If-Match", strconv.Quote(strconv.FormatInt(r.Version, 10)))
}

// apply moves a draft enclave to APPLIED.
func (c *apiClient) apply(ctx context.Context, r recordState) (recordState, int, error) {
	return c.write(ctx, "POST", "/v1/enclaves/"+r.ID+"/transitions", `{"to":"APPLIED"}`, "If-Match", strconv.Quote(strconv.FormatInt(r.Version, 10)))
}

// load is a steady write load: workers that create enclaves, rename them
// and move some to APPLIED, each on records of its own. It remembers every
// answer that was a 2xx.
type load struct {
	c       *apiClient
	pace    time.Duration // each worker's pause between writes
	mu      sync.Mutex
	acked   map[string]recordState // the last 2xx per record
	ok      atomic.Int64
	failed  atomic.Int64 // answered with another status
	lost    atomic.Int64 // no answer (the server went away)
	lastErr atomic.Value
}

func newLoad(c *apiClient, pace time.Duration) *load {
	return &load{c: c, pace: pace, acked: map[string]recordState{}}
}

// run starts workers until ctx ends; wait returns when they have stopped.
// A request in flight when ctx ends is finished, not cancelled.
func (l *load) run(ctx context.Context, workers int) (wait func()) {
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.worker(ctx, w)
		}()
	}
	return wg.Wait
}

func (l *load) worker(stop context.Context, w int) {
	ctx := context.Background()
	var mine []recordState
	for n := 0; stop.Err() == nil; n++ {
		name := fmt.Sprintf("飞地-%d-%d", w, n)
		var (
			r      recordState
			status int
			err    error
			i      = rand.IntN(len(mine) + 1)
		)
		switch {
		case i == len(mine) || len(mine) < 3:
			r, status, err = l.c.createEnclave(ctx, name)
			i = len(mine)
		case mine[i].Status == "DRAFT" && rand.IntN(4) == 0:
			r, status, err = l.c.apply(ctx, mine[i])
		default:
			r, status, err = l.c.rename(ctx, mine[i], name)
		}
		if l.note(r, status, err) {
			if i == len(mine) {
				mine = append(mine, r)
			} else {
				mine[i] = r
			}
		}
		time.Sleep(l.pace)
	}
}

// note records an answer and reports whether it was a 2xx.
func (l *load) note(r recordState, status int, err error) bool {
	switch {
	case err != nil:
		l.lost.Add(1)
		l.lastErr.Store(err.Error())
		return false
	case status/100 != 2:
		l.failed.Add(1)
		l.lastErr.Store("status " + strconv.Itoa(status))
		return false
	}
	l.ok.Add(1)
	l.mu.Lock()
	defer l.mu.Unlock()
	if r.Version > l.acked[r.ID].Version {
		l.acked[r.ID] = r
	}
	return true
}

// snapshot is the last 2xx of every record.
func (l *load) snapshot() map[string]recordState {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[string]recordState, len(l.acked))
	for k, v := range l.acked {
		out[k] = v
	}
	return out
}

// waitOK waits until the load has had n more 2xx answers than now.
func (l *load) waitOK(t *testing.T, n int64) {
	t.Helper()
	want := l.ok.Load() + n
	deadline := time.Now().Add(30 * time.Second)
	for l.ok.Load() < want {
		if time.Now().After(deadline) {
			t.Fatalf("load stalled at %d 2xx (want %d); failed %d, lost %d, last error %v",
				l.ok.Load(), want, l.failed.Load(), l.lost.Load(), l.lastErr.Load())
		}
		time.Sleep(5 * time.Millisecond)
	}
}
