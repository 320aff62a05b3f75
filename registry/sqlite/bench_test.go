package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"talentd/registry"
	"talentd/registry/registrytest"
	"talentd/registry/sqlite"
	"talentd/registry/storetest"
)

var (
	benchAreas = []string{"371300", "371302", "371311", "371312", "371321", "371322", "371323",
		"371324", "371325", "371326", "371327", "371328", "371329", "ZONE_HIGHTECH",
		"ZONE_ECONOMIC", "ZONE_LINGANG", "ZONE_YIHE"}
	benchTiers    = []registry.Tier{"A", "B", "B", "C", "C", "C", "D", "D", "D", "E", "E", "UNCLASSIFIED"}
	benchLevels   = []registry.Level{"NATIONAL", "PROVINCIAL", "MUNICIPAL", "MUNICIPAL", "COUNTY"}
	benchFields   = []registry.Field{"AI", "LIFE_HEALTH", "NEW_IT", "MED_ELDERLY_CARE", "MODERN_AGRICULTURE", "PHOTOVOLTAIC", "HIGH_END_EQUIPMENT", "NEW_MATERIALS", "OTHER"}
	benchStatuses = []registry.Status{"ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "DRAFT", "SUBMITTED", "UNDER_REVIEW", "APPROVED", "COMPLETED", "TERMINATED", "SUSPENDED"}
	surnames      = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
	givenChars    = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然子轩梓涵一诺欣怡思远晨阳")
)

// benchTalent returns a realistic talent document: a full record encoded
// as the service would store it, personal numbers sealed.
func benchTalent(rng *rand.Rand, created time.Time) registry.Document {
	pick := func(n int) int { return rng.IntN(n) }
	name := string(surnames[pick(len(surnames))]) + string(givenChars[pick(len(givenChars))]) + string(givenChars[pick(len(givenChars))])
	t := &registry.Talent{
		Name: name, Nationality: "CHN", Gender: registry.Female, BirthDate: "1985-04-12",
		IDDoc:  registry.IDDoc{Type: registry.DocCNID, Number: "sealed:v1:" + fmt.Sprintf("%064x", rng.Uint64())},
		Mobile: "sealed:v1:" + fmt.Sprintf("%048x", rng.Uint64()), Email: "talent@example.cn",
		Tier: benchTiers[pick(len(benchTiers))], Level: benchLevels[pick(len(benchLevels))],
		Origin: "DOMESTIC", Channel: registry.ChannelCaseByCase, Employment: registry.EmploymentFullTime,
		Employer:  registry.Org{USCC: "91371300MA3C1234XY", Name: "临沂智能装备有限公司"},
		Field:     benchFields[pick(len(benchFields))],
		Project:   &registry.Project{Name: "高端装备智能控制系统研发与产业化", InvestmentYuan: 12_000_000},
		Agreement: &registry.Agreement{Start: "2025-01-01", End: "2029-12-31"},
	}
	if pick(100) == 0 {
		t.Channel = registry.ChannelCompetition
		t.Competition = &registry.Competition{Event: "创新创业大赛", AwardDate: "2025-09-01"}
	}
	if pick(50) == 0 {
		t.Employment, t.EnclaveID = registry.EmploymentViaEnclave, benchEnclave(pick(20))
	}
	m := t.Base()
	m.ID, m.Area = registry.UUIDv7{}.New("tal"), benchAreas[pick(len(benchAreas))]
	m.Status, m.Version, m.CreatedAt, m.UpdatedAt = benchStatuses[pick(len(benchStatuses))], 1, created, created
	m.CreatedBy = "key_officer_371302"
	m.StatusHistory = []registry.StatusChange{{To: "DRAFT", At: created, By: m.CreatedBy}}
	body, err := registry.EncodeRecord(t)
	if err != nil {
		panic(err)
	}
	return registry.Document{
		Kind: registry.KindTalent, ID: m.ID, Area: m.Area, Status: m.Status, Version: 1,
		CreatedAt: created, UpdatedAt: created, Name: name, Filters: t.Filters(), Refs: t.Refs(),
		Identity: fmt.Sprintf("idh_%064x", rng.Uint64()), IdemKey: "key_officer:" + m.ID, IdemHash: "sha256:00", Body: body,
	}
}

// benchEnclave is the id of one of the enclaves bench talents work through.
func benchEnclave(i int) string { return fmt.Sprintf("enc_0190a4d4-0000-7000-8000-%012d", i) }

// BenchmarkCreate is a talent's create alone, followed by its audit entry
// in a second transaction (the service's way on stores without
// AuditedStore), and with the entry in the create's transaction.
func BenchmarkCreate(b *testing.B) {
	entry := func(d registry.Document) registry.AuditEntry {
		return storetest.NewAuditEntry(0, d.ID, "create")
	}
	cases := []struct {
		name  string
		write func(ctx context.Context, s *sqlite.Store, d registry.Document, evs []registry.Event) error
	}{
		{"plain", func(ctx context.Context, s *sqlite.Store, d registry.Document, evs []registry.Event) error {
			return s.Create(ctx, d, evs)
		}},
		{"then-append-audit", func(ctx context.Context, s *sqlite.Store, d registry.Document, evs []registry.Event) error {
			if err := s.Create(ctx, d, evs); err != nil {
				return err
			}
			_, err := s.AppendAudit(ctx, entry(d))
			return err
		}},
		{"audited", func(ctx context.Context, s *sqlite.Store, d registry.Document, evs []registry.Event) error {
			return s.CreateAudited(ctx, d, evs, entry(d))
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) { benchCreate(b, c.write) })
	}
}

func benchCreate(b *testing.B, write func(context.Context, *sqlite.Store, registry.Document, []registry.Event) error) {
	s := registrytest.SQLite(b, b.TempDir())
	rng := rand.New(rand.NewPCG(1, 2))
	ctx := context.Background()
	start := time.Now().UTC().Truncate(time.Millisecond)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		d := benchTalent(rng, start.Add(time.Duration(i)*time.Millisecond))
		if err := write(ctx, s, d, []registry.Event{storetest.NewEvent(d, "created")}); err != nil {
			b.Fatal(err)
		}
	}
}

const benchTalents = 100_000

var (
	bigOnce  sync.Once
	bigDir   string
	bigStore *sqlite.Store
	bigErr   error
	bigTemp  bool
)

// bigFixture opens, once per test binary, a store holding benchTalents
// talents created over five years. It lives in a temporary directory, or
// in $TALENTD_BENCH_DIR when set, which is then kept and reused by later
// runs (loading takes a while).
func bigFixture(b *testing.B) *sqlite.Store {
	bigOnce.Do(func() {
		bigDir = os.Getenv("TALENTD_BENCH_DIR")
		if bigDir == "" {
			bigDir, bigErr = os.MkdirTemp("", "talentd-bench-")
			if bigErr != nil {
				return
			}
			bigTemp = true
		}
		bigStore, bigErr = sqlite.Open(bigDir)
		if bigErr != nil {
			return
		}
		n, err := bigStore.Count(context.Background(), registry.Query{Kind: registry.KindTalent})
		if bigErr = err; err == nil && n < benchTalents {
			bigErr = loadTalents(bigStore, benchTalents-n)
		}
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigStore
}

func loadTalents(s *sqlite.Store, n int) error {
	rng := rand.New(rand.NewPCG(3, 4))
	start := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	step := 5 * 365 * 24 * time.Hour / time.Duration(n)
	for i := range n {
		d := benchTalent(rng, start.Add(time.Duration(i)*step).Truncate(time.Millisecond))
		if err := s.Create(context.Background(), d, nil); err != nil {
			return err
		}
	}
	return nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bigStore != nil {
		bigStore.Close()
		if bigTemp {
			os.RemoveAll(bigDir)
		}
	}
	os.Exit(code)
}

func BenchmarkListFiltered(b *testing.B) {
	s := bigFixture(b)
	k := registry.KindTalent
	cases := []struct {
		name string
		q    registry.Query
	}{
		{"area+tier", registry.Query{Kind: k, Areas: []string{"371302"}, Filters: map[string]string{"tier": "B"}}},
		{"tier A", registry.Query{Kind: k, Filters: map[string]string{"tier": "A"}}},
		{"area+status+field", registry.Query{Kind: k, Areas: []string{"ZONE_HIGHTECH"}, Status: "ACTIVE", Filters: map[string]string{"field": "AI"}}},
		{"two areas+level", registry.Query{Kind: k, Areas: []string{"371311", "371312"}, Filters: map[string]string{"level": "NATIONAL"}}},
		{"not terminated, 2024", registry.Query{Kind: k, StatusNotIn: []registry.Status{"TERMINATED", "COMPLETED"}, CreatedFrom: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), CreatedTo: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}},
		{"name common", registry.Query{Kind: k, NameContains: "王"}},
		{"name rare", registry.Query{Kind: k, NameContains: "王伟芳"}},
		{"name none", registry.Query{Kind: k, NameContains: "nobody"}},
		{"area+name", registry.Query{Kind: k, Areas: []string{"371302"}, NameContains: "张"}},
		{"rare channel", registry.Query{Kind: k, Filters: map[string]string{"channel": "COMPETITION"}}},
		{"enclave ref", registry.Query{Kind: k, Ref: benchEnclave(7)}},
		{"enclave ref+status", registry.Query{Kind: k, Ref: benchEnclave(7), StatusNotIn: []registry.Status{"TERMINATED"}}},
		{"200 ids", registry.Query{Kind: k, IDs: someIDs(b, s, 200)}},
		{"rare filter+area", registry.Query{Kind: k, Areas: []string{"371302"}, Filters: map[string]string{"tier": "A", "level": "NATIONAL", "field": "AI"}}},
	}
	for _, c := range cases {
		c.q.Limit = 50
		b.Run(c.name, func(b *testing.B) { benchList(b, s, c.q) })
	}
}

// benchList lists the first page of q, then the page after it, reporting
// the 99th percentile of one List call beside the mean.
func benchList(b *testing.B, s *sqlite.Store, q registry.Query) {
	ctx := context.Background()
	first, err := s.List(ctx, q)
	if err != nil {
		b.Fatal(err)
	}
	if len(first) == q.Limit {
		last := first[len(first)-1]
		q.After = &registry.Cursor{CreatedAt: last.CreatedAt, ID: last.ID}
	}
	var took []time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := s.List(ctx, q); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(t0))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(len(first)), "page")
}

// someIDs returns n ids spread over the fixture, as an enclave key's scope.
func someIDs(b *testing.B, s *sqlite.Store, n int) []string {
	all, err := s.List(context.Background(), registry.Query{Kind: registry.KindTalent, Areas: []string{"371325"}, Limit: 10 * n})
	if err != nil || len(all) < 10*n {
		b.Fatalf("List = %d, %v", len(all), err)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = all[10*i].ID
	}
	return ids
}
