package jetstream_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
	"talentd/events/eventstest"
	"talentd/events/jetstream"
	"talentd/registry"
)

// tally counts handler calls per event id.
type tally struct {
	mu    sync.Mutex
	calls map[string]int
}

func (c *tally) add(id string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.calls == nil {
		c.calls = map[string]int{}
	}
	c.calls[id]++
	return c.calls[id]
}

func (c *tally) get(id string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.calls[id]
}

// publish sends an envelope about enc_1 on its subject with msgID.
func publish(t *testing.T, js natsjs.JetStream, prefix, id, msgID string) {
	t.Helper()
	e, err := events.New(id, events.EnclaveRecognized, "enc_1", time.Now(), events.EnclaveRecognizedData{EnclaveID: "enc_1"})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := events.Encode(e)
	publishRaw(t, js, events.Subject(prefix, e.Type), body, msgID)
}

func publishRaw(t *testing.T, js natsjs.JetStream, subject string, body []byte, msgID string) {
	t.Helper()
	if _, err := js.Publish(context.Background(), subject, body, natsjs.WithMsgID(msgID)); err != nil {
		t.Fatal(err)
	}
}

// consume runs the consumer until the test ends.
func consume(t *testing.T, js natsjs.JetStream, cfg jetstream.ConsumerConfig, h events.Handler) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- jetstream.Consume(ctx, js, cfg, h) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Consume: %v", err)
		}
	})
}

func deadLetters(t *testing.T, js natsjs.JetStream, prefix string) []jetstream.DeadLetter {
	t.Helper()
	dl, err := jetstream.NewDeadLetters(js, prefix).List(context.Background(), 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	return dl
}

func TestConsumerAnswersEachDelivery(t *testing.T) {
	tests := []struct {
		name       string
		failures   int  // transient errors before success
		permanent  bool // a permanent error instead
		wantCalls  int
		wantLetter string // reason prefix of the dead letter, "" for none
	}{
		{"success", 0, false, 1, ""},
		{"retried then applied", 2, false, 3, ""},
		{"retries exhausted", 99, false, 3, "failed 3 deliveries, last: database busy"},
		{"permanent", 0, true, 1, "permanent: no such enclave"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			js := eventstest.NATS(t, jetstream.Config{Prefix: "c"})
			var calls tally
			consume(t, js, jetstream.ConsumerConfig{Prefix: "c", Durable: events.ConsumerSubsidy, MaxDeliver: 3,
				BackOff: []time.Duration{10 * time.Millisecond}}, func(_ context.Context, e events.Event) error {
				n := calls.add(e.ID)
				switch {
				case tt.permanent:
					return events.Permanent(errors.New("no such enclave"))
				case n <= tt.failures:
					return errors.New("database busy")
				}
				return nil
			})
			publish(t, js, "c", "evt_1", "evt_1")
			waitFor(t, 5*time.Second, func() bool { return calls.get("evt_1") == tt.wantCalls })
			waitFor(t, 5*time.Second, func() bool { return consumerIdle(t, js, "c", events.ConsumerSubsidy) })
			time.Sleep(50 * time.Millisecond) // no further delivery
			if got := calls.get("evt_1"); got != tt.wantCalls {
				t.Fatalf("handler called %d times, want %d", got, tt.wantCalls)
			}
			dl := deadLetters(t, js, "c")
			if tt.wantLetter == "" {
				if len(dl) != 0 {
					t.Fatalf("dead letters %+v", dl)
				}
				return
			}
			if len(dl) != 1 || dl[0].Reason != tt.wantLetter || dl[0].Consumer != events.ConsumerSubsidy ||
				dl[0].Subject != "c.talent.enclave.recognized" || dl[0].MsgID != "evt_1" || dl[0].Deliveries != uint64(tt.wantCalls) {
				t.Fatalf("dead letters %+v", dl)
			}
		})
	}
}

// consumerIdle: nothing waits for delivery or for an answer.
func consumerIdle(t *testing.T, js natsjs.JetStream, prefix, durable string) bool {
	c, err := js.Consumer(context.Background(), events.Name(prefix, events.StreamEvents), durable)
	if err != nil {
		return false
	}
	info, err := c.Info(context.Background())
	return err == nil && info.NumPending == 0 && info.NumAckPending == 0 && info.NumRedelivered == 0
}

func TestConsumerDeadLettersUndecodable(t *testing.T) {
	js := eventstest.NATS(t, jetstream.Config{})
	var calls tally
	consume(t, js, jetstream.ConsumerConfig{Durable: events.ConsumerNotifier}, func(_ context.Context, e events.Event) error {
		calls.add(e.ID)
		return nil
	})
	publishRaw(t, js, events.WorkstationFiled, []byte("not an event"), "m1")
	e, _ := events.New("evt_2", events.EnclaveRevoked, "enc_1", time.Now(), events.EnclaveRevokedData{EnclaveID: "enc_1"})
	body, _ := events.Encode(e)
	publishRaw(t, js, events.EnclaveRecognized, body, "m2") // type and subject disagree
	waitFor(t, 5*time.Second, func() bool { return len(deadLetters(t, js, "")) == 2 })
	for _, d := range deadLetters(t, js, "") {
		if !strings.HasPrefix(d.Reason, "undecodable: events: invalid event") || d.Deliveries != 1 {
			t.Errorf("dead letter %+v", d)
		}
	}
	if calls.get("evt_2") != 0 {
		t.Error("handler ran on a mislabelled event")
	}
}

func TestPoisonIsDeadLetteredAndReplayed(t *testing.T) {
	ctx := context.Background()
	js := eventstest.NATS(t, jetstream.Config{Prefix: "p"})
	var calls tally
	var mu sync.Mutex
	broken := true
	consume(t, js, jetstream.ConsumerConfig{Prefix: "p", Durable: events.ConsumerSubsidy}, func(_ context.Context, e events.Event) error {
		mu.Lock()
		defer mu.Unlock()
		if e.ID == "evt_poison" && broken {
			return events.Permanent(errors.New("enclave type unknown to the policy"))
		}
		calls.add(e.ID)
		return nil
	})
	for _, id := range []string{"evt_a", "evt_poison", "evt_b"} {
		publish(t, js, "p", id, id)
	}
	// The poison is dead-lettered before evt_b is handled: wait for both.
	waitFor(t, 5*time.Second, func() bool { return len(deadLetters(t, js, "p")) == 1 && calls.get("evt_b") == 1 })
	dl := deadLetters(t, js, "p")[0]
	if calls.get("evt_a") != 1 || calls.get("evt_b") != 1 || dl.MsgID != "evt_poison" || dl.StreamSeq != 2 ||
		!strings.Contains(dl.Reason, "enclave type unknown") {
		t.Fatalf("dead letter %+v, calls %v", dl, calls.calls)
	}
	if e, err := events.Decode(dl.Data); err != nil || e.ID != "evt_poison" {
		t.Fatalf("dead letter body: %v", err)
	}
	mu.Lock()
	broken = false // the handler is fixed
	mu.Unlock()
	dlq := jetstream.NewDeadLetters(js, "p")
	if err := dlq.Replay(ctx, dl.Seq); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, func() bool { return calls.get("evt_poison") == 1 })
	if left := deadLetters(t, js, "p"); len(left) != 0 {
		t.Fatalf("dead letters after replay: %+v", left)
	}
	if err := dlq.Replay(ctx, dl.Seq); !errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("second Replay = %v, want ErrNotFound", err)
	}
}

func TestListDeadLettersPages(t *testing.T) {
	ctx := context.Background()
	js := eventstest.NATS(t, jetstream.Config{})
	consume(t, js, jetstream.ConsumerConfig{Durable: events.ConsumerReminder, Filter: events.ReminderDue},
		func(context.Context, events.Event) error { return events.Permanent(errors.New("no")) })
	for i := range 5 {
		e, _ := events.New("evt_"+string(rune('a'+i)), events.ReminderDue, "dl_1", time.Now(), map[string]int{"rung": i})
		body, _ := events.Encode(e)
		publishRaw(t, js, events.ReminderDue, body, e.ID)
	}
	dlq := jetstream.NewDeadLetters(js, "")
	waitFor(t, 5*time.Second, func() bool { return len(deadLetters(t, js, "")) == 5 })
	var got []string
	for after := uint64(0); ; {
		page, err := dlq.List(ctx, 2, after)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, d := range page {
			got = append(got, d.MsgID)
		}
		after = page[len(page)-1].Seq
	}
	if strings.Join(got, ",") != "evt_a,evt_b,evt_c,evt_d,evt_e" {
		t.Fatalf("pages gave %v", got)
	}
}

// TestOnceAppliesARedeliveredEventOnce: the same event reaches the stream
// twice (a relay that outlived the duplicate window) and is replayed; with
// the durable ledger the handler's effect happens once.
func TestOnceAppliesARedeliveredEventOnce(t *testing.T) {
	ctx := context.Background()
	js := eventstest.NATS(t, jetstream.Config{})
	ledger, err := jetstream.NewLedger(ctx, js, "", events.ConsumerSubsidy)
	if err != nil {
		t.Fatal(err)
	}
	var calls tally
	consume(t, js, jetstream.ConsumerConfig{Durable: events.ConsumerSubsidy}, events.Once(ledger, func(_ context.Context, e events.Event) error {
		calls.add(e.ID)
		return nil
	}))
	publish(t, js, "", "evt_x", "evt_x")
	publish(t, js, "", "evt_x", "evt_x.again")
	publish(t, js, "", "evt_y", "evt_y")
	waitFor(t, 5*time.Second, func() bool { return calls.get("evt_y") == 1 && consumerIdle(t, js, "", events.ConsumerSubsidy) })
	if calls.get("evt_x") != 1 || len(eventstest.Stored(t, js, "")) != 3 {
		t.Fatalf("evt_x applied %d times", calls.get("evt_x"))
	}
}

// TestConsumerKeepsSlowHandlerAlive: a handler slower than AckWait is not
// handed the same event again while it runs.
func TestConsumerKeepsSlowHandlerAlive(t *testing.T) {
	js := eventstest.NATS(t, jetstream.Config{})
	var calls tally
	consume(t, js, jetstream.ConsumerConfig{Durable: events.ConsumerDeadlines, AckWait: 200 * time.Millisecond},
		func(_ context.Context, e events.Event) error {
			calls.add(e.ID)
			time.Sleep(700 * time.Millisecond)
			return nil
		})
	publish(t, js, "", "evt_slow", "evt_slow")
	// Wait for the first delivery, then for the ack: a consumer info read
	// before the runner has pulled the message can already look idle.
	waitFor(t, 5*time.Second, func() bool { return calls.get("evt_slow") > 0 })
	waitFor(t, 5*time.Second, func() bool { return consumerIdle(t, js, "", events.ConsumerDeadlines) })
	if n := calls.get("evt_slow"); n != 1 {
		t.Fatalf("slow handler ran %d times", n)
	}
}
