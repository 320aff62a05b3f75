package main

import (
	"context"
	"fmt"
	"net/http"

	"talentd/registry"
)

// scenario is one kind of request.
type scenario interface {
	// prepare runs once before the clock starts: payloads are generated and
	// the get scenario creates the talents it reads.
	prepare(ctx context.Context, cfg config) error
	// worker returns worker w's request function; each worker calls only
	// its own, one request at a time.
	worker(w int) op
	// close releases what the scenario opened.
	close() error
}

// op sends request i (talent index i where it matters). The reply's Code is
// the HTTP status; err is set when no response came.
type op func(ctx context.Context, i int64) (reply, error)

// newScenario builds the scenario cfg names.
func newScenario(cfg config) (scenario, error) {
	gen := talents{seed: cfg.Seed, areas: registry.AreaCodes(registry.DefaultAreas)}
	switch cfg.Scenario {
	case "create-talent":
		return &createTalent{http: newHTTP(cfg), gen: gen}, nil
	case "list":
		return &listTalents{http: newHTTP(cfg), path: "/v1/talents?" + cfg.Query}, nil
	case "get":
		return &getTalent{http: newHTTP(cfg), gen: gen}, nil
	case "raw-store":
		return openRawStore(cfg, gen)
	}
	return nil, fmt.Errorf("talentbench: unknown scenario %q (want one of %v)", cfg.Scenario, scenarios)
}

// httpScenario is what the HTTP scenarios share: one client, and a
// requester per worker.
type httpScenario struct {
	client *http.Client
	base   string
	token  string
}

func newHTTP(cfg config) httpScenario {
	return httpScenario{client: newClient(cfg.Concurrency, cfg.Timeout), base: cfg.URL, token: cfg.Token}
}

func (h httpScenario) requester() *requester { return newRequester(h.client, h.base, h.token) }

func (h httpScenario) close() error {
	h.client.CloseIdleConnections()
	return nil
}

// createTalent posts distinct valid talents.
type createTalent struct {
	http   httpScenario
	gen    talents
	bodies *bodies
}

func (s *createTalent) prepare(_ context.Context, cfg config) error {
	s.bodies = newBodies(s.gen, cfg.Count)
	return nil
}

func (s *createTalent) worker(int) op {
	r := s.http.requester()
	return func(ctx context.Context, i int64) (reply, error) {
		return r.do(ctx, http.MethodPost, "/v1/talents", s.bodies.body(i))
	}
}

func (s *createTalent) close() error { return s.http.close() }

// listTalents asks for the same filtered page again and again.
type listTalents struct {
	http httpScenario
	path string
}

func (s *listTalents) prepare(context.Context, config) error { return nil }

func (s *listTalents) worker(int) op {
	r := s.http.requester()
	return func(ctx context.Context, _ int64) (reply, error) {
		return r.do(ctx, http.MethodGet, s.path, nil)
	}
}

func (s *listTalents) close() error { return s.http.close() }
