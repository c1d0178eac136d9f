package theme

import (
	"image/color"
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/glamour/v2/styles"
)

// colours lists every colour a glamour style config names, with where.
func colours(v reflect.Value, path string, out map[string]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			colours(v.Elem(), path, out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if (f.Name == "Color" || f.Name == "BackgroundColor") && f.Type == reflect.TypeFor[*string]() {
				if s := v.Field(i).Interface().(*string); s != nil {
					out[path+"."+f.Name] = *s
				}
				continue
			}
			colours(v.Field(i), path+"."+f.Name, out)
		}
	}
}

// A lesson is drawn in the theme's colours only: none of glamour's own
// (made for a terminal's default background) is left, and only a
// level-one heading and inline code have a background of their own.
func TestGlamourUsesOnlyThePalette(t *testing.T) {
	for _, th := range []Theme{Dark, Light, HighContrast} {
		p := palette(th)
		var allowed []string
		for _, c := range []color.Color{p.Fg, p.Subtle, p.Primary, p.Accent, p.Success, p.Warning, p.Error, p.Border, p.Bg, p.Code, p.CodeBg} {
			allowed = append(allowed, *hex(c))
		}
		found := map[string]string{}
		colours(reflect.ValueOf(New(th).Glamour), "Glamour", found)
		if len(found) < 20 {
			t.Fatalf("%v: only %d colours found: %v", th, len(found), found)
		}
		for where, c := range found {
			if !slices.Contains(allowed, c) {
				t.Errorf("%v: %s is %q, not a palette colour", th, where, c)
			}
		}
		for where := range found {
			if strings.HasSuffix(where, ".BackgroundColor") && where != "Glamour.H1.StylePrimitive.BackgroundColor" &&
				where != "Glamour.Code.StylePrimitive.BackgroundColor" {
				t.Errorf("%v: %s sets a background", th, where)
			}
		}
	}
	// glamour's own styles are left as they were: the themes copy them.
	if *styles.DarkStyleConfig.Document.Color != "252" || styles.DarkStyleConfig.CodeBlock.Chroma.Background.BackgroundColor == nil {
		t.Error("a theme wrote through glamour's dark style")
	}
}
