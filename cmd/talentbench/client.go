package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// newClient is the one HTTP client of a run: keep-alive connections for
// every worker and then some, no compression, HTTP/1.1 as talentd serves.
func newClient(workers int, timeout time.Duration) *http.Client {
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        2*workers + 16,
		MaxIdleConnsPerHost: 2*workers + 16,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
	}
	return &http.Client{Transport: tr, Timeout: timeout}
}

// requester sends one worker's requests; it is not safe for concurrent use.
type requester struct {
	client *http.Client
	base   string
	auth   string // "Bearer …" or empty
	drain  []byte
}

func newRequester(client *http.Client, base, token string) *requester {
	r := &requester{client: client, base: base, drain: make([]byte, 32<<10)}
	if token != "" {
		r.auth = "Bearer " + token
	}
	return r
}

// reply is what a request came back with. Problem holds the start of a
// non-2xx body, for the first-error report.
type reply struct {
	Code     int
	Location string
	Problem  string
}

// do sends method path with body (JSON when not nil) and reads the whole
// response, so the connection goes back to the pool.
func (r *requester) do(ctx context.Context, method, path string, body []byte) (reply, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body) // fresh: the transport may read it after Do returns
	}
	req, err := http.NewRequestWithContext(ctx, method, r.base+path, rd)
	if err != nil {
		return reply{}, fmt.Errorf("talentbench: %s %s: %w", method, path, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if r.auth != "" {
		req.Header.Set("Authorization", r.auth)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer resp.Body.Close()
	rep := reply{Code: resp.StatusCode, Location: resp.Header.Get("Location")}
	if resp.StatusCode >= 300 {
		n, _ := io.ReadFull(resp.Body, r.drain[:512])
		rep.Problem = string(r.drain[:n])
	}
	for {
		if _, err := resp.Body.Read(r.drain); err != nil {
			if err == io.EOF {
				return rep, nil
			}
			return rep, err
		}
	}
}
