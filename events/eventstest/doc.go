// Package eventstest helps tests that publish or consume talentd's events:
// an embedded nats-server with the streams set up, and readers of what a
// stream holds. It is for tests only; production code must not import it.
//
// It imports events and events/jetstream; it must not import api, a store
// adapter or another test-helper package.
package eventstest
