package locale

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ID is a number that names one thing rather than counts things: an
// event's number, a line's. A printer writes it in plain digits, never
// grouped ("event 12864", "evento 12864"; %d groups a count: "12,864",
// "12.864"). A width pads it, as %5d pads a number.
type ID int

// Format writes i in digits, padded to the verb's width.
func (i ID) Format(f fmt.State, _ rune) {
	s := strconv.Itoa(int(i))
	if w, ok := f.Width(); ok && len(s) < w {
		pad := strings.Repeat(" ", w-len(s))
		if f.Flag('-') {
			s += pad
		} else {
			s = pad + s
		}
	}
	io.WriteString(f, s)
}
