# One entry point for chores. The README and .ci/run call these targets.
GO      ?= go
PKGS    ?= ./...
FUZZTIME ?= 10s

.PHONY: run test test-short test-race lint bench fuzz build

run:            ## run talentd with the embedded store and NATS under ./data
	$(GO) run ./cmd/talentd

build:          ## build talentd and talentbench into ./bin
	$(GO) build -o bin/ ./cmd/...

test:           ## every test, against real SQLite, FerretDB and nats-server
	$(GO) vet $(PKGS)
	$(GO) test -count=1 -timeout 20m $(PKGS)

test-short:     ## the fast tests only
	$(GO) test -short -count=1 $(PKGS)

test-race:      ## the tests but the crash tests, under the race detector
	$(GO) test -race -short -count=1 -timeout 20m $(PKGS)

lint:           ## formatting and vet
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	$(GO) vet $(PKGS)

bench:          ## the benchmarks behind docs/benchmarks.md
	$(GO) test -run '^$$' -bench . -benchtime 3x -count 1 $(PKGS)

fuzz:           ## each fuzz test for FUZZTIME
	@$(GO) list -f '{{.Dir}}' $(PKGS) | while read d; do \
	  for f in $$(cd $$d && $(GO) test -list '^Fuzz' . 2>/dev/null | grep '^Fuzz'); do \
	    echo "fuzz $$d $$f"; (cd $$d && $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) .) || exit 1; \
	  done; done

.PHONY: bench-http
bench-http:     ## the HTTP numbers of docs/benchmarks.md (about 25 minutes; RUNS, N, LOAD, DUR override)
	cmd/talentbench/bench-http.sh
