package jetstream

import (
	"context"
	"sync"

	"talentd/registry"
)

// clearChunk is how many acknowledged events one MarkPublished clears.
const clearChunk = 500

// clearer clears acknowledged events from the outbox in chunks, in a
// goroutine of its own, so that the store's deletes overlap publishing
// instead of following it. Chunks are cleared in the order they were
// acknowledged; after the first error the rest stay in the outbox (the
// sweep publishes them again, and the stream drops them as duplicates).
type clearer struct {
	outbox  registry.Outbox
	chunk   []registry.Event
	work    chan []registry.Event
	queued  sync.WaitGroup // chunks sent and not yet cleared
	stopped chan struct{}

	mu      sync.Mutex
	cleared int
	err     error
}

func newClearer(ctx context.Context, outbox registry.Outbox) *clearer {
	c := &clearer{outbox: outbox, work: make(chan []registry.Event, 16), stopped: make(chan struct{})}
	go c.run(ctx)
	return c
}

func (c *clearer) run(ctx context.Context) {
	defer close(c.stopped)
	for evs := range c.work {
		if !c.failed() {
			err := c.outbox.MarkPublished(ctx, evs)
			c.mu.Lock()
			if c.err = err; err == nil {
				c.cleared += len(evs)
			}
			c.mu.Unlock()
		}
		c.queued.Done()
	}
}

// add queues an acknowledged event for clearing.
func (c *clearer) add(e registry.Event) {
	c.chunk = append(c.chunk, e)
	if len(c.chunk) >= clearChunk {
		c.send()
	}
}

func (c *clearer) send() {
	if len(c.chunk) > 0 {
		c.queued.Add(1)
		c.work <- c.chunk
		c.chunk = nil
	}
}

// flush returns once every event added so far is cleared (or failed).
func (c *clearer) flush() {
	c.send()
	c.queued.Wait()
}

// failed reports whether a clear has failed.
func (c *clearer) failed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err != nil
}

// close clears what is queued and returns how many events were cleared and
// the first error.
func (c *clearer) close() (int, error) {
	c.send()
	close(c.work)
	<-c.stopped
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cleared, c.err
}
