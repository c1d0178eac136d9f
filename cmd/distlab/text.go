package main

import (
	"distlab/demos/locale"
	"distlab/lessons"
)

// The lesson loader's problems, said in the reader's language by `lessons
// check` and `lessons`: package lessons keeps them as plain data, since it
// may not import locale.
func init() {
	for _, m := range lessons.Messages {
		locale.Add(locale.Str(m[0], m[1]))
	}
}
