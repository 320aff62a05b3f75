package main

import (
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"talentd/registry"
)

var secretPattern = regexp.MustCompile(`tk_[0-9A-Za-z]{43}`)

// TestFirstKeyPrintedOnce: an empty store gets an admin key whose secret is
// printed once to stdout, never logged, and not printed again on restart.
func TestFirstKeyPrintedOnce(t *testing.T) {
	dir := t.TempDir()
	first := launch(t, nil, "-data-dir", dir)
	secret := secretPattern.FindString(first.printed())
	if secret == "" {
		t.Fatalf("no key printed:\n%s", first.printed())
	}
	if status, _ := first.call(t, secret, "GET", "/v1/talents", ""); status != http.StatusOK {
		t.Errorf("the printed key: %d", status)
	}
	if status, _ := first.call(t, "", "GET", "/v1/talents", ""); status != http.StatusUnauthorized {
		t.Errorf("no key: %d", status)
	}
	if err := first.stop(); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(first.log.String(), secret) || !strings.Contains(first.log.String(), "created the first admin API key") {
		t.Errorf("log:\n%s", first.log.String())
	}
	again := launch(t, nil, "-data-dir", dir)
	if secretPattern.MatchString(again.printed()) {
		t.Errorf("a key was printed on restart:\n%s", again.printed())
	}
	if status, _ := again.call(t, secret, "GET", "/v1/talents", ""); status != http.StatusOK {
		t.Errorf("the first key after restart: %d", status)
	}
}

// TestBootstrapToken: TALENTD_BOOTSTRAP_TOKEN is the first admin key and
// nothing is printed; an unusable token stops talentd without echoing it.
func TestBootstrapToken(t *testing.T) {
	env := map[string]string{"TALENTD_BOOTSTRAP_TOKEN": testToken}
	inst := launch(t, env, "-data-dir", t.TempDir())
	if status, _ := inst.call(t, testToken, "GET", "/v1/enclaves", ""); status != http.StatusOK {
		t.Errorf("the bootstrap token: %d", status)
	}
	if strings.Contains(inst.printed(), testToken) || secretPattern.MatchString(inst.printed()) || strings.Contains(inst.log.String(), testToken) {
		t.Errorf("the token was shown:\n%s\n%s", inst.printed(), inst.log.String())
	}
	const bad = "short-token"
	_, _, err := cli(t, map[string]string{"TALENTD_BOOTSTRAP_TOKEN": bad}, "-http-addr", "127.0.0.1:0", "-data-dir", t.TempDir())
	if err == nil || strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "TALENTD_BOOTSTRAP_TOKEN") {
		t.Errorf("a short bootstrap token: %v", err)
	}
}

// TestKeysCommands: create, list and revoke on the store directly, and the
// refusal while a talentd holds the data directory.
func TestKeysCommands(t *testing.T) {
	dir := t.TempDir()
	out, desc, err := cli(t, nil, "keys", "create", "-data-dir", dir, "-name", "兰山区人才办", "-role", "officer", "-area", "371302", "-expires", "2160h")
	secret := strings.TrimSpace(out)
	if err != nil || !secretPattern.MatchString(secret) || secretPattern.FindString(out) != secret || strings.Contains(desc, secret) {
		t.Fatalf("keys create: %v\nstdout %q\nstderr %q", err, out, desc)
	}
	id := regexp.MustCompile(`key_[0-9a-f-]{36}`).FindString(desc)
	list, _, err := cli(t, nil, "keys", "list", "-data-dir", dir)
	if err != nil || !strings.Contains(list, id) || !strings.Contains(list, "officer 371302") || !strings.Contains(list, "active") ||
		strings.Contains(list, secret) || strings.Contains(list, registry.HashSecret(secret)) {
		t.Errorf("keys list: %v\n%s", err, list)
	}
	for _, bad := range [][]string{
		{"-name", "x", "-role", "root"},
		{"-name", "x", "-role", "officer"},
		{"-name", "x", "-role", "enclave", "-enclave", "enc_0190a4d4-0000-7000-8000-000000000001"},
		{"-name", "x", "-role", "admin", "-expires", "yesterday"},
		{"-role", "admin"},
	} {
		if _, _, err := cli(t, nil, append([]string{"keys", "create", "-data-dir", dir}, bad...)...); err == nil {
			t.Errorf("keys create %v accepted", bad)
		}
	}
	if out, _, err := cli(t, nil, "keys", "revoke", "-data-dir", dir, id); err != nil || !strings.Contains(out, "revoked "+id) {
		t.Errorf("keys revoke: %v %s", err, out)
	}
	if _, _, err := cli(t, nil, "keys", "revoke", "-data-dir", dir, "key_0190a4d4-0000-7000-8000-000000000001"); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("revoke an unknown key: %v", err)
	}
	list, _, _ = cli(t, nil, "keys", "list", "-data-dir", dir)
	if !strings.Contains(list, "revoked") {
		t.Errorf("list after revoke:\n%s", list)
	}
	// The store has a key, so talentd prints none; the revoked one is refused.
	inst := launch(t, nil, "-data-dir", dir)
	if secretPattern.MatchString(inst.printed()) {
		t.Errorf("talentd printed a key although the store has one")
	}
	if status, _ := inst.call(t, secret, "GET", "/v1/talents", ""); status != http.StatusUnauthorized {
		t.Errorf("revoked key over HTTP: %d", status)
	}
	_, _, err = cli(t, nil, "keys", "list", "-data-dir", dir)
	if err == nil || !strings.Contains(err.Error(), "stop it first") {
		t.Errorf("keys list while talentd runs: %v", err)
	}
}

// TestKeyChangesFromTheCommandLineAreAudited: each key change made on the
// command line leaves an entry by the system principal.
func TestKeyChangesFromTheCommandLineAreAudited(t *testing.T) {
	dir := t.TempDir()
	cli(t, nil, "keys", "create", "-data-dir", dir, "-name", "审计", "-role", "auditor")
	out, _, _ := cli(t, nil, "keys", "create", "-data-dir", dir, "-name", "管理员", "-role", "admin")
	admin := strings.TrimSpace(out)
	inst := launch(t, nil, "-data-dir", dir)
	status, body := inst.call(t, admin, "GET", "/v1/audit?action=keys:create", "")
	if status != http.StatusOK || strings.Count(body, `"key_id":"system"`) != 2 || !strings.Contains(body, `"request_id":"cli:keys create"`) {
		t.Errorf("audit of CLI key changes: %d %s", status, body)
	}
}
