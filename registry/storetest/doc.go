// Package storetest is the contract every registry.Store must pass: Run
// exercises one store implementation through the registry.Store and
// registry.Outbox interfaces only, so registry/sqlite and registry/mongodb
// are held to the same behaviour. It also offers builders for test
// documents and events (NewDoc, Next, NewEvent).
//
// It is imported by tests only. It must not import a database driver,
// NATS, Gin or any store implementation.
package storetest
