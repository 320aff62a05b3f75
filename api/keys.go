package api

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"time"

	"github.com/gin-gonic/gin"

	"talentd/registry"
)

// Audit actions of key changes.
const (
	actionKeyCreate = "keys:create"
	actionKeyRevoke = "keys:revoke"
)

// keyRequest is the body of POST /v1/admin/keys.
type keyRequest struct {
	Name      string     `json:"name" validate:"required,max=64"`
	Role      string     `json:"role" validate:"required,oneof=admin officer enclave finance auditor"`
	Area      string     `json:"area,omitempty" validate:"omitempty,area"`
	EnclaveID string     `json:"enclave_id,omitempty"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
}

// keyView is an API key as responses show it: never its hash or secret.
type keyView struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Role      string     `json:"role"`
	Area      string     `json:"area,omitempty"`
	EnclaveID string     `json:"enclave_id,omitempty"`
	Prefix    string     `json:"prefix"`
	CreatedAt time.Time  `json:"created_at"`
	CreatedBy string     `json:"created_by"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
	Active    bool       `json:"active"`
}

// newKey is the answer to a key's creation: the only time its secret is
// shown.
type newKey struct {
	keyView
	Key string `json:"key"`
}

// keyList is the body of GET /v1/admin/keys.
type keyList struct {
	Items []keyView `json:"items"`
}

func viewOf(k registry.APIKey, now time.Time) keyView {
	return keyView{ID: k.ID, Name: k.Name, Role: string(k.Role), Area: k.Area, EnclaveID: k.EnclaveID,
		Prefix: k.Prefix, CreatedAt: k.CreatedAt, CreatedBy: k.CreatedBy, ExpiresAt: k.ExpiresAt,
		RevokedAt: k.RevokedAt, Active: k.Active(now)}
}

// mayManageKeys refuses every role but admin.
func mayManageKeys(c *gin.Context) error {
	if !registry.Can(principalOf(c), registry.ActionKeysManage, registry.NoKind) {
		return registry.ErrForbidden
	}
	return nil
}

// createKey handles POST /v1/admin/keys: 201 with the new key and, once,
// its secret in "key". The creation is audited.
func (s *server) createKey(c *gin.Context) error {
	if err := mayManageKeys(c); err != nil {
		return err
	}
	body, err := s.readBody(c, mediaJSON)
	if err != nil {
		return err
	}
	req, err := decodeKeyRequest(body)
	if err != nil {
		return err
	}
	ctx, p, now := c.Request.Context(), principalOf(c), s.svc.Now()
	if err := s.checkKeyRequest(ctx, req, now); err != nil {
		return err
	}
	k, secret := registry.NewAPIKey(req, p.Actor(), now, registry.UUIDv7{})
	if err := s.keys.CreateKey(ctx, k); err != nil {
		return err
	}
	if err := s.svc.AuditKeyChange(ctx, p, actionKeyCreate, k.ID); err != nil {
		return err
	}
	s.writeJSON(c, http.StatusCreated, newKey{keyView: viewOf(k, now), Key: secret})
	return nil
}

// checkKeyRequest validates a key request; an enclave key's enclave must
// exist.
func (s *server) checkKeyRequest(ctx context.Context, req registry.KeyRequest, now time.Time) error {
	if err := req.Validate(now, s.areas); err != nil {
		return err
	}
	if req.Role != registry.RoleEnclave {
		return nil
	}
	_, err := s.svc.Get(ctx, registry.KindEnclave, req.EnclaveID)
	if errors.Is(err, registry.ErrNotFound) {
		return invalid("enclave_id", "not_found", req.EnclaveID)
	}
	return err
}

// decodeKeyRequest reads a key request: unknown fields and wrong types are
// 400s naming the field, as for records.
func decodeKeyRequest(body []byte) (registry.KeyRequest, error) {
	obj, err := parseObject(body)
	if err != nil {
		return registry.KeyRequest{}, err
	}
	verr := &registry.ValidationError{}
	checkObject("", obj, reflect.TypeOf(keyRequest{}), verr, nil)
	if err := verr.Err(); err != nil {
		return registry.KeyRequest{}, err
	}
	str := func(name string) string { v, _ := obj[name].(string); return v }
	req := registry.KeyRequest{Name: str("name"), Role: registry.Role(str("role")), Area: str("area"), EnclaveID: str("enclave_id")}
	if v := str("expires_at"); v != "" {
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return req, invalid("expires_at", "datetime", "")
		}
		req.ExpiresAt = &t
	}
	return req, nil
}

// listKeys handles GET /v1/admin/keys: every key, oldest first, revoked
// ones included.
func (s *server) listKeys(c *gin.Context) error {
	if err := mayManageKeys(c); err != nil {
		return err
	}
	keys, err := s.keys.ListKeys(c.Request.Context())
	if err != nil {
		return err
	}
	now := s.svc.Now()
	out := keyList{Items: make([]keyView, 0, len(keys))}
	for _, k := range keys {
		out.Items = append(out.Items, viewOf(k, now))
	}
	s.writeJSON(c, http.StatusOK, out)
	return nil
}

// revokeKey handles DELETE /v1/admin/keys/:id: the key is refused from the
// next request on. 200 with the revoked key; revoking it again changes
// nothing and is not audited again.
func (s *server) revokeKey(c *gin.Context) error {
	if err := mayManageKeys(c); err != nil {
		return err
	}
	id := c.Param("id")
	if !registry.ValidID("key", id) {
		return invalid("id", "record_id", "key")
	}
	ctx, now := c.Request.Context(), s.svc.Now()
	k, changed, err := registry.RevokeKeyOnce(ctx, s.keys, id, now)
	if err != nil {
		return err
	}
	if changed {
		if err := s.svc.AuditKeyChange(ctx, principalOf(c), actionKeyRevoke, id); err != nil {
			return err
		}
	}
	s.writeJSON(c, http.StatusOK, viewOf(k, now))
	return nil
}
