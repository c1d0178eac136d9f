package testwait

import (
	"flag"
	"testing"
)

// Parallel raises -test.parallel when the command line left it alone, and
// leaves it when the command line set it.
func TestParallel(t *testing.T) {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	before := flag.Lookup("test.parallel").Value.String()
	defer flag.Set("test.parallel", before)
	Parallel(1000)
	got := flag.Lookup("test.parallel").Value.String()
	switch {
	case given && got != before:
		t.Fatalf("-parallel %s was given, and Parallel changed it to %s", before, got)
	case !given && got != "1000":
		t.Fatalf("-test.parallel is %s, want 1000", got)
	}
}
