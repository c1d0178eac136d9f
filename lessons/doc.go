// Package lessons holds the course content and the loader that turns it into
// Lessons.
//
// A lesson is a markdown file lessons/<lang>/NN-slug.md that opens with YAML
// front matter:
//
//	---
//	id: scalability
//	title: Scalability
//	order: 2
//	summary: Scale up or scale out, and what each costs.
//	demos: [scale]
//	---
//
// The first of a lesson's demos is the one it teaches: `distlab demo ID`
// opens a demo beside the lesson whose list starts with it (Teaching). Demos
// named after it are ones the lesson only refers to.
//
// The embedded course (Embedded) is loaded by default; an instructor's folder
// with the same layout is loaded with LoadDir and watched with Watch. A
// malformed file never stops the others from loading: it becomes a Problem
// that prints as "path:line: message".
//
// Speaker notes, HTML comments of the form <!-- notes: ... -->, are taken out
// of Body (readers never see them) and kept in Notes.
package lessons
