package jetstream

import (
	"context"
	"errors"
	"fmt"
	"time"

	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
	"talentd/registry"
)

var errAckTimeout = errors.New("jetstream: no ack in time")

// publish sends a batch of pending events (oldest first, version order per
// record) asynchronously, with at most Window awaiting their ack. A record's
// event is sent only once the record's previous event is acknowledged, so
// the stream holds each record's events in order whatever fails; a record
// whose event fails sends nothing more in this batch. It hands each
// acknowledged event to acked as the ack arrives, and returns the first
// error.
func (r *Relay) publish(ctx context.Context, batch []registry.Event, acked func(registry.Event)) (err error) {
	ready, later := chains(batch)
	window := make([]inflight, 0, min(r.cfg.Window, len(batch)))
	for len(ready) > 0 || len(window) > 0 {
		for len(ready) > 0 && len(window) < r.cfg.Window {
			p, e := r.send(ctx, ready[0])
			ready = ready[1:]
			if e != nil {
				err = cmpErr(err, e)
				continue
			}
			window = append(window, p)
		}
		if len(window) == 0 {
			break
		}
		p := window[0]
		window = window[1:]
		if e := r.await(ctx, p); e != nil {
			err = cmpErr(err, fmt.Errorf("jetstream: relay: publish %s: %w", p.ev.ID, e))
			continue
		}
		acked(p.ev)
		if q := later[p.ev.RecordID]; len(q) > 0 {
			ready, later[p.ev.RecordID] = append(ready, q[0]), q[1:]
		}
	}
	return err
}

// chains splits a batch into the first event of each record, in batch
// order, and each record's later events, in order.
func chains(batch []registry.Event) (first []registry.Event, later map[string][]registry.Event) {
	later = map[string][]registry.Event{}
	seen := map[string]bool{}
	for _, e := range batch {
		if seen[e.RecordID] {
			later[e.RecordID] = append(later[e.RecordID], e)
			continue
		}
		seen[e.RecordID] = true
		first = append(first, e)
	}
	return first, later
}

type inflight struct {
	ev       registry.Event
	ack      natsjs.PubAckFuture
	deadline time.Time
}

func cmpErr(old, e error) error {
	if old != nil {
		return old
	}
	return e
}

// send publishes one event's envelope; an event that can never be a valid
// envelope goes to the dead-letter stream instead, so it blocks nothing.
func (r *Relay) send(ctx context.Context, ev registry.Event) (inflight, error) {
	body, err := events.Encode(envelope(ev))
	if err != nil {
		return r.sendDeadLetter(ctx, ev, err)
	}
	subject := events.Subject(r.cfg.Prefix, ev.Type)
	f, err := r.js.PublishAsync(subject, body, natsjs.WithMsgID(ev.ID))
	if err != nil {
		return inflight{}, fmt.Errorf("jetstream: relay: publish %s: %w", ev.ID, err)
	}
	return inflight{ev: ev, ack: f, deadline: time.Now().Add(r.cfg.AckTimeout)}, nil
}

// envelope is the CloudEvents form of an outbox event.
func envelope(ev registry.Event) events.Event {
	return events.Event{
		SpecVersion: events.SpecVersion, ID: ev.ID, Source: events.Source, Type: ev.Type,
		Subject: ev.RecordID, Time: ev.Time.UTC(), DataContentType: events.ContentType, Data: ev.Data,
	}
}

// await waits for one publish's ack until its deadline.
func (r *Relay) await(ctx context.Context, p inflight) error {
	select {
	case <-p.ack.Ok():
		return nil
	case err := <-p.ack.Err():
		return err
	default:
	}
	t := time.NewTimer(time.Until(p.deadline))
	defer t.Stop()
	select {
	case <-p.ack.Ok():
		return nil
	case err := <-p.ack.Err():
		return err
	case <-t.C:
		return errAckTimeout
	case <-ctx.Done():
		return ctx.Err()
	}
}
