package lessons

import "embed"

// Embedded is the course shipped inside the binary: pt-BR/*.md and en/*.md.
//
//go:embed pt-BR/*.md en/*.md pt-BR/*.quiz.yaml en/*.quiz.yaml
var Embedded embed.FS

// EmbeddedPrefix is how problems in the embedded course name their files.
const EmbeddedPrefix = "lessons"
