package registry

import "context"

// RequestInfo is what the audit trail records of the request behind a
// change: its id and the client's address.
type RequestInfo struct {
	ID       string
	ClientIP string
}

type requestKey struct{}

// WithRequest returns ctx carrying the request's info for the audit trail.
func WithRequest(ctx context.Context, info RequestInfo) context.Context {
	return context.WithValue(ctx, requestKey{}, info)
}

// RequestOf returns the request info ctx carries (zero if none).
func RequestOf(ctx context.Context) RequestInfo {
	info, _ := ctx.Value(requestKey{}).(RequestInfo)
	return info
}
