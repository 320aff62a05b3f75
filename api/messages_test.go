package api

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"talentd/registry"
)

// registryLiterals collects string literals from the registry's non-test
// sources (subpackages included) that pick sites use as codes.
type registryLiterals struct {
	codes   map[string]string // code → where it was found
	reasons map[string]string // conflict reason → where
}

func scanRegistry(t *testing.T) registryLiterals {
	lits := registryLiterals{codes: map[string]string{}, reasons: map[string]string{}}
	fset := token.NewFileSet()
	err := filepath.WalkDir("../registry", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		root := filepath.Dir(path) == filepath.Clean("../registry")
		ast.Inspect(f, func(n ast.Node) bool { lits.visit(fset, n, root); return true })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(lits.codes) < 20 || len(lits.reasons) < 6 {
		t.Fatalf("found only %d codes and %d reasons; has the registry changed how it names them?", len(lits.codes), len(lits.reasons))
	}
	return lits
}

// visit records, in the registry package itself, the codes of
// v.Add(field, "code", …), identErr("code"), identCode(err, "code"),
// FieldProblem{Code: "code"} and code = "code"; and, in the registry and
// its stores, the conflict reasons of ConflictError{Reason: "reason"} and
// those the ConflictError.Reason comment declares.
func (l registryLiterals) visit(fset *token.FileSet, n ast.Node, root bool) {
	at := func(e ast.Node) string { return fset.Position(e.Pos()).String() }
	switch x := n.(type) {
	case *ast.CompositeLit:
		if typeNamed(x.Type, "ConflictError") {
			l.addKey(l.reasons, x, "Reason", at(x))
		}
		if root && (typeNamed(x.Type, "FieldProblem") || typeNamed(x.Type, "IdentError")) {
			l.addKey(l.codes, x, "Code", at(x))
		}
	case *ast.Field:
		if len(x.Names) == 1 && x.Names[0].Name == "Reason" && x.Doc != nil && strings.Contains(x.Doc.Text(), "stable code") {
			for _, q := range quoted.FindAllString(x.Doc.Text(), -1) {
				l.reasons[strings.Trim(q, `"`)] = at(x)
			}
		}
	case *ast.CallExpr:
		if root {
			l.visitCall(x, at(x))
		}
	case *ast.AssignStmt:
		for i, lhs := range x.Lhs {
			if id, ok := lhs.(*ast.Ident); root && ok && id.Name == "code" && i < len(x.Rhs) && x.Tok == token.ASSIGN {
				l.add(l.codes, x.Rhs[i], at(x))
			}
		}
	}
}

var quoted = regexp.MustCompile(`"[a-z_]+"`)

func (l registryLiterals) visitCall(x *ast.CallExpr, where string) {
	switch fn := x.Fun.(type) {
	case *ast.SelectorExpr:
		if fn.Sel.Name == "Add" && len(x.Args) == 3 {
			l.add(l.codes, x.Args[1], where)
		}
	case *ast.Ident:
		if fn.Name == "identErr" && len(x.Args) == 1 {
			l.add(l.codes, x.Args[0], where)
		}
		if fn.Name == "identCode" && len(x.Args) == 2 {
			l.add(l.codes, x.Args[1], where)
		}
	}
}

// typeNamed reports whether a composite literal's type is name or pkg.name.
func typeNamed(e ast.Expr, name string) bool {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name == name
	case *ast.SelectorExpr:
		return t.Sel.Name == name
	}
	return false
}

func (l registryLiterals) addKey(m map[string]string, x *ast.CompositeLit, key, where string) {
	for _, el := range x.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == key {
				l.add(m, kv.Value, where)
			}
		}
	}
}

func (l registryLiterals) add(m map[string]string, e ast.Expr, where string) {
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		if s, err := strconv.Unquote(lit.Value); err == nil && s != "" {
			m[s] = where
		}
	}
}

// validateTags lists every rule name in the validate tags of the record
// types and the types they hold.
func validateTags() map[string]string {
	out := map[string]string{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for _, f := range jsonFields(t) {
			for _, r := range strings.Split(f.validate, ",") {
				name, _, _ := strings.Cut(r, "=")
				if name != "" && name != "omitempty" && name != "dive" {
					out[name] = t.Name() + "." + f.name
				}
			}
			walk(f.typ)
		}
	}
	for _, k := range registry.Kinds {
		walk(recordType(k))
	}
	return out
}

// TestEveryCodeHasMessages checks that every code the registry can emit —
// registry.ValidationCodes, the codes its sources pass to Add and its
// identifier errors, and every rule of its validate tags — has a Chinese
// and an English message.
func TestEveryCodeHasMessages(t *testing.T) {
	codes := scanRegistry(t).codes
	for tag, where := range validateTags() {
		codes[tag] = where
	}
	for _, c := range registry.ValidationCodes {
		codes[c] = "registry.ValidationCodes"
	}
	for _, want := range []string{"cn_id_checksum", "uscc_checksum", "mobile_format", "gender_mismatch", "not_academician", "cursor_invalid", "range", "duplicate", "country", "permit_not_renewed"} {
		if _, ok := codes[want]; !ok {
			t.Errorf("the scan missed %s; it no longer finds what the registry emits", want)
		}
	}
	for code, where := range codes {
		m, ok := fieldTexts[code]
		if !ok {
			t.Errorf("code %q (%s) has no message", code, where)
			continue
		}
		checkText(t, code, m)
	}
	for code, m := range fieldTexts {
		checkText(t, code, m)
	}
}

// TestEveryProblemHasTexts checks titles and details of every problem the
// error table can produce, conflict reasons of the registry included.
func TestEveryProblemHasTexts(t *testing.T) {
	errs := []error{
		registry.ErrNotFound, registry.ErrVersionMismatch, registry.ErrIdempotencyMismatch,
		registry.ErrForbidden, registry.ErrConflict, registry.ErrInvalidTransition, registry.ErrInvalid,
		&registry.ValidationError{}, &registry.TransitionError{From: "A", To: "B"}, &registry.IdentError{Code: "x"},
		errInternal, errRouteNotFound, errMethodNotAllowed, errIfMatchRequired,
		unsupportedMediaType(mediaJSON), notReady([]string{"store"}), errors.New("boom"),
	}
	for reason := range scanRegistry(t).reasons {
		errs = append(errs, &registry.ConflictError{Reason: reason})
	}
	for _, err := range errs {
		p := problemOf(err)
		title, ok := titleTexts[p.slug]
		if !ok {
			t.Errorf("%v: no title for %s", err, p.slug)
		}
		checkText(t, p.slug, title)
		if p.detail != "" {
			if _, ok := detailTexts[p.detail]; !ok {
				t.Errorf("%v: no detail text %q", err, p.detail)
			}
		}
		for _, l := range []lang{langZH, langEN} {
			if d := p.detailText(l); d == "" || strings.Contains(d, "{") {
				t.Errorf("%v: detail %q", err, d)
			}
		}
	}
}

func checkText(t *testing.T, key string, m text) {
	t.Helper()
	if !hasHan(m.zh) || m.en == "" || hasHan(m.en) {
		t.Errorf("%s: zh %q, en %q", key, m.zh, m.en)
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func TestFieldMessage(t *testing.T) {
	if got := fieldMessage("max", "64", langEN); got != "must be at most 64" {
		t.Errorf("max en: %q", got)
	}
	if got := fieldMessage("cn_id_checksum", "", langZH); got != "身份证号码校验位不正确" {
		t.Errorf("cn_id_checksum zh: %q", got)
	}
	if got := fieldMessage("no_such_code", "", langEN); got != genericField.en {
		t.Errorf("unknown code: %q", got)
	}
}
