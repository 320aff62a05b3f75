// Package jetstream carries talentd's domain events over NATS JetStream: an
// embedded nats-server for the one-machine setup, connecting to an external
// server or cluster, creating the streams (Setup), the outbox relay, the
// durable consumer runner with its dead-letter stream, and a durable ledger
// for Once.
//
// It imports events and registry (for the Outbox it reads). It must not
// import api, cmd or any store adapter; registry must not import
// it. Aim at nats-server 2.10 or newer; features that must also work on
// older servers stay to one filter subject per consumer and plain Term.
package jetstream
