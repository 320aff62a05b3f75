package registry

import (
	"context"
	"errors"
	"regexp"
)

var alpha3 = regexp.MustCompile(`^[A-Z]{3}$`)

// Lookup finds the person of the kind (talents, experts) registered under an
// identity document, so an officer can tell whether someone is already
// registered before registering them. country is the passport's issuing
// country (ISO 3166-1 alpha-3), needed for PASSPORT only. The look-up goes
// by the keyed hash, never by the clear number. A person outside p's scope
// is ErrNotFound, as for Read.
func (s *Service) Lookup(ctx context.Context, p Principal, kind Kind, doc IDDoc, country string) (Record, error) {
	if !Can(p, ActionRead, kind) {
		return nil, ErrForbidden
	}
	doc.Number, country = CanonicalIdent(doc.Number), CanonicalIdent(country)
	if err := s.checkLookup(kind, doc, country); err != nil {
		return nil, err
	}
	stored, err := s.store.FindIdentity(ctx, kind, s.pii.Index(IdentityKey(doc, country)))
	if err != nil {
		return nil, err
	}
	r, err := s.open(stored)
	if err != nil {
		return nil, err
	}
	if err := authorize(p, ActionRead, r); err != nil {
		return nil, err
	}
	return r, nil
}

// checkLookup checks a look-up's identity document as registration would.
func (s *Service) checkLookup(kind Kind, doc IDDoc, country string) error {
	verr := &ValidationError{}
	if NewRecord(kind) == nil || NewRecord(kind).Identity() == nil {
		verr.Add("id_doc", "not_applicable", string(kind))
		return verr
	}
	switch {
	case !knownDocType(doc.Type):
		verr.Add("id_doc.type", "oneof", "CN_ID PR_CARD PASSPORT HKMO_PERMIT TW_PERMIT")
	case doc.Number == "":
		verr.Add("id_doc.number", "required", "")
	default:
		var ie *IdentError
		if _, err := CheckIDNumber(doc.Type, doc.Number, s.Now()); errors.As(err, &ie) {
			verr.Add("id_doc.number", ie.Code, "")
		}
	}
	if doc.Type == DocPassport && !alpha3.MatchString(country) {
		verr.Add("country", "iso3166_1_alpha3", "")
	}
	return verr.Err()
}
