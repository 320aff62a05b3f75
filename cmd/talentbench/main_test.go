package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"talentd/api/apitest"
	"talentd/registry"
	"talentd/registry/registrytest"
	"talentd/registry/sqlite"
)

// server is talentd's API over a fresh SQLite store, with an admin key;
// it returns the key's secret too.
func server(t *testing.T) (*httptest.Server, *apitest.Env, string) {
	t.Helper()
	env := apitest.New(t)
	srv := httptest.NewServer(env.Handler)
	t.Cleanup(srv.Close)
	return srv, env, env.Token
}

// runBench runs talentbench with args and returns its JSON result and error.
func runBench(t *testing.T, env map[string]string, args ...string) (Result, error) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "result.json")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), append(args, "-json", out), func(k string) string { return env[k] }, &stdout, &stderr)
	var res Result
	if b, rerr := os.ReadFile(out); rerr == nil {
		if jerr := json.Unmarshal(b, &res); jerr != nil {
			t.Fatal(jerr)
		}
		if !strings.HasPrefix(stdout.String(), "scenario="+res.Scenario+" ") {
			t.Errorf("summary line = %q", stdout.String())
		}
	}
	return res, err
}

func countTalents(t *testing.T, st registry.Store) int {
	t.Helper()
	n, err := st.Count(context.Background(), registry.Query{Kind: registry.KindTalent})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCreateTalentCountsMatchStore(t *testing.T) {
	srv, env, testToken := server(t)
	res, err := runBench(t, map[string]string{"TALENTD_TOKEN": testToken},
		"-url", srv.URL, "-scenario", "create-talent", "-c", "4", "-n", "40", "-seed", "7")
	if err != nil {
		t.Fatalf("run: %v (first error %q)", err, res.FirstError)
	}
	if res.Requests != 40 || res.OK != 40 || res.Errors != 0 || res.Codes["201"] != 40 {
		t.Errorf("result n=%d ok=%d err=%d codes=%v, want 40 created", res.Requests, res.OK, res.Errors, res.Codes)
	}
	if got := countTalents(t, env.Store); got != 40 {
		t.Errorf("store holds %d talents, want 40", got)
	}
	if res.P50MS <= 0 || res.P50MS > res.P99MS || res.P99MS > res.MaxMS || res.RPS <= 0 {
		t.Errorf("latencies p50 %v p99 %v max %v rps %v", res.P50MS, res.P99MS, res.MaxMS, res.RPS)
	}

	// The same seed again: the same people, so every create is a 409.
	res, err = runBench(t, nil, "-url", srv.URL, "-token", testToken, "-c", "2", "-n", "5", "-seed", "7")
	if !errors.Is(err, errFailedRequests) || res.Codes["409"] != 5 || res.OK != 0 {
		t.Errorf("repeated seed: err %v codes %v ok %d, want 5 conflicts and a failed run", err, res.Codes, res.OK)
	}
	res, err = runBench(t, nil, "-url", srv.URL, "-token", testToken, "-n", "3", "-seed", "7", "-allow-errors")
	if err != nil || res.Errors != 3 {
		t.Errorf("-allow-errors: err %v errors %d, want nil and 3", err, res.Errors)
	}
	if got := countTalents(t, env.Store); got != 40 {
		t.Errorf("store holds %d talents after conflicts, want 40", got)
	}
}

func TestScenarios(t *testing.T) {
	srv, env, testToken := server(t)
	tok := map[string]string{"TALENTD_TOKEN": testToken}
	cases := []struct {
		name      string
		args      []string
		code      string
		wantStore int // talents in the store afterwards
	}{
		{"list", []string{"-scenario", "list", "-query", "area=371302&limit=50", "-n", "20"}, "200", 0},
		{"list by name", []string{"-scenario", "list", "-query", "q=%E7%8E%8B&tier=C", "-n", "5"}, "200", 0},
		{"get", []string{"-scenario", "get", "-prefill", "12", "-n", "30", "-seed", "3"}, "200", 12},
		{"create with warm-up", []string{"-n", "10", "-warmup", "30ms", "-seed", "4"}, "201", -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := countTalents(t, env.Store)
			res, err := runBench(t, tok, append([]string{"-url", srv.URL, "-c", "3"}, c.args...)...)
			if err != nil {
				t.Fatalf("run: %v (first error %q)", err, res.FirstError)
			}
			if res.Errors != 0 || res.Codes[c.code] != res.Requests || res.Requests == 0 {
				t.Errorf("n=%d err=%d codes=%v, want every request a %s", res.Requests, res.Errors, res.Codes, c.code)
			}
			added := countTalents(t, env.Store) - before
			if c.wantStore >= 0 && added != c.wantStore {
				t.Errorf("store gained %d talents, want %d", added, c.wantStore)
			}
			if c.wantStore < 0 && added < int(res.Requests) {
				t.Errorf("store gained %d talents, want at least the %d measured", added, res.Requests)
			}
		})
	}
}

func TestMissingTokenFails(t *testing.T) {
	srv, _, _ := server(t)
	res, err := runBench(t, nil, "-url", srv.URL, "-scenario", "list", "-n", "3")
	if !errors.Is(err, errFailedRequests) || res.Codes["401"] != 3 || !strings.HasPrefix(res.FirstError, "401") {
		t.Errorf("err %v codes %v first %q, want three 401s and a failed run", err, res.Codes, res.FirstError)
	}
}

func TestRawStore(t *testing.T) {
	dir := t.TempDir()
	res, err := runBench(t, nil, "-scenario", "raw-store", "-data-dir", dir, "-c", "3", "-n", "25", "-seed", "9")
	if err != nil {
		t.Fatalf("run: %v (first error %q)", err, res.FirstError)
	}
	if res.OK != 25 || res.Codes["201"] != 25 || res.Target != "sqlite:"+dir {
		t.Errorf("ok=%d codes=%v target=%q, want 25 created in %s", res.OK, res.Codes, res.Target, dir)
	}
	// The same seed again is the same people: conflicts, as over HTTP.
	res, err = runBench(t, nil, "-scenario", "raw-store", "-data-dir", dir, "-n", "4", "-seed", "9", "-allow-errors")
	if err != nil || res.Codes["409"] != 4 {
		t.Errorf("repeated seed: err %v codes %v, want 4 conflicts", err, res.Codes)
	}
	// -audit appends one chained audit entry per create.
	if _, err := runBench(t, nil, "-scenario", "raw-store", "-data-dir", dir, "-c", "2", "-n", "6", "-seed", "10", "-audit"); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got := countTalents(t, st); got != 31 {
		t.Errorf("store holds %d talents, want 31", got)
	}
	head, err := st.AuditHead(context.Background())
	if err != nil || head.Seq != 6 {
		t.Errorf("audit head seq %d (%v), want the 6 entries of the -audit run", head.Seq, err)
	}
}

// TestRawStoreReadableByAPI checks that raw-store writes what the service
// writes: talentd can read the talents back, personal numbers opened.
func TestRawStoreReadableByAPI(t *testing.T) {
	env := registrytest.NewEnv(t)
	env.Store.Close() // raw-store opens the directory itself
	if _, err := runBench(t, nil, "-scenario", "raw-store", "-data-dir", env.Dir, "-c", "1", "-n", "3", "-seed", "11"); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(env.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := registry.NewService(registry.ServiceConfig{Store: st, Checker: registry.NewValidator(registry.AreaCodes(registry.DefaultAreas)), Protector: env.Keys})
	page, err := svc.List(context.Background(), registry.ListRequest{Kind: registry.KindTalent})
	if err != nil || len(page.Items) != 3 {
		t.Fatalf("list: %v, %d items", err, len(page.Items))
	}
	want := map[string]bool{residentID(11, 0): true, residentID(11, 1): true, residentID(11, 2): true}
	for _, r := range page.Items {
		tal := r.(*registry.Talent)
		if !want[tal.IDDoc.Number] || tal.Gender == "" || tal.Status != registry.TalentDraft {
			t.Errorf("talent %s: id number known %v, gender %q, status %s", tal.ID, want[tal.IDDoc.Number], tal.Gender, tal.Status)
		}
	}
}

func TestConfigRefuses(t *testing.T) {
	cases := [][]string{
		{"-n", "10", "-d", "1s"},
		{"-c", "0"},
		{"-scenario", "raw-store"},
		{"-scenario", "nope"},
		{"stray"},
	}
	for _, args := range cases {
		err := run(context.Background(), args, func(string) string { return "" }, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || errors.Is(err, errFailedRequests) {
			t.Errorf("%v: err %v, want a usage error", args, err)
		}
	}
}
