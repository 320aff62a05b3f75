package api

// mergePatch applies a JSON Merge Patch (RFC 7396) to target, both generic
// JSON values (map[string]any, []any, strings, numbers, booleans, nil). A
// null in the patch removes the member, objects merge recursively, and
// every other value — arrays included — replaces the target's whole. The
// target is not modified.
func mergePatch(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	out := map[string]any{}
	if t, ok := target.(map[string]any); ok {
		for k, v := range t {
			out[k] = v
		}
	}
	for k, v := range p {
		if v == nil {
			delete(out, k)
			continue
		}
		out[k] = mergePatch(out[k], v)
	}
	return out
}
