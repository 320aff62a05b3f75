package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"path"
)

// getTalent reads talents by id, picked at random from a set it creates
// before the clock starts (cfg.Prefill of them).
type getTalent struct {
	http httpScenario
	gen  talents
	seed uint64
	ids  []string
}

// prepare creates the talents to read, with the run's concurrency.
func (s *getTalent) prepare(ctx context.Context, cfg config) error {
	if cfg.Prefill < 1 {
		return fmt.Errorf("talentbench: the get scenario needs -prefill of at least 1")
	}
	s.seed = cfg.Seed
	s.ids = make([]string, cfg.Prefill)
	reqs := make([]*requester, cfg.Concurrency)
	for w := range reqs {
		reqs[w] = s.http.requester()
	}
	return forEach(ctx, cfg.Concurrency, int64(cfg.Prefill), func(w int, i int64) error {
		rep, err := reqs[w].do(ctx, http.MethodPost, "/v1/talents", createBody(s.gen.talent(prefillBase+i)))
		if err != nil {
			return fmt.Errorf("talentbench: prefill: %w", err)
		}
		if rep.Code != http.StatusCreated {
			return fmt.Errorf("talentbench: prefill: POST /v1/talents: %d %s", rep.Code, rep.Problem)
		}
		s.ids[i] = path.Base(rep.Location)
		return nil
	})
}

func (s *getTalent) worker(w int) op {
	r := s.http.requester()
	rng := rand.New(rand.NewPCG(s.seed, uint64(w)))
	return func(ctx context.Context, _ int64) (reply, error) {
		return r.do(ctx, http.MethodGet, "/v1/talents/"+s.ids[rng.IntN(len(s.ids))], nil)
	}
}

func (s *getTalent) close() error { return s.http.close() }
