package progress

import "maps"

// State is what is remembered. Lessons are keyed by id, the same in every
// language; a place in a lesson is kept per language, since the same lesson
// is not as long in another.
type State struct {
	LastLesson string `json:"last_lesson,omitempty"`
	// Lang is the language last used, Theme the theme last chosen with T
	// ("" while the terminal's background decides). The command line's
	// --lang and --theme win over them.
	Lang  string `json:"lang,omitempty"`
	Theme string `json:"theme,omitempty"`
	// Shown is the language the app is in, chosen or not; not written:
	// it says whose places go under Offsets.
	Shown string `json:"-"`
	// Places are the first visible line of each lesson, by language then
	// lesson id.
	Places map[string]map[string]int `json:"places,omitempty"`
	// Offsets are the places of a file written before places were kept
	// per language: lesson id → line, in a language it did not record.
	// Migrate moves them into Places. A save writes the places in the
	// language shown (Shown, else Lang) here too, so that an older distlab
	// still finds its student's place.
	Offsets map[string]int  `json:"offsets,omitempty"`
	Read    map[string]bool `json:"read,omitempty"`
	// Slides are the slide each lesson was last presented at, from 0, by
	// lesson id: a lesson's decks have the same slides in every language.
	Slides map[string]int `json:"slides,omitempty"`
	// Quiz is what was answered in each lesson's quiz, by lesson id.
	Quiz map[string]Quiz `json:"quiz,omitempty"`
	// Challenges are the demo challenges met, by challenge id
	// ("clocks/backwards"): met once, met for good.
	Challenges map[string]bool `json:"challenges,omitempty"`
}

// Quiz is a lesson's quiz as the student left it: the questions answered
// right at least once and those answered at all, by question id (the same
// in every language). A question edited out of the lesson stays here,
// unused.
type Quiz struct {
	Right    map[string]bool `json:"right,omitempty"`
	Answered map[string]bool `json:"answered,omitempty"`
}

// Answer records an answer to question q of lesson id.
func (s *State) Answer(id, q string, right bool) {
	if s.Quiz == nil {
		s.Quiz = map[string]Quiz{}
	}
	z := s.Quiz[id]
	if z.Answered == nil {
		z.Answered = map[string]bool{}
	}
	z.Answered[q] = true
	if right {
		if z.Right == nil {
			z.Right = map[string]bool{}
		}
		z.Right[q] = true
	}
	s.Quiz[id] = z
}

// Met records challenge id as met; it reports whether it is new.
func (s *State) Met(id string) bool {
	if s.Challenges[id] {
		return false
	}
	if s.Challenges == nil {
		s.Challenges = map[string]bool{}
	}
	s.Challenges[id] = true
	return true
}

// Clone returns a deep copy, safe to hand to another goroutine.
func (s State) Clone() State {
	if s.Places != nil {
		places := make(map[string]map[string]int, len(s.Places))
		for lang, p := range s.Places {
			places[lang] = maps.Clone(p)
		}
		s.Places = places
	}
	s.Offsets = maps.Clone(s.Offsets)
	s.Read = maps.Clone(s.Read)
	s.Slides = maps.Clone(s.Slides)
	if s.Quiz != nil {
		quiz := make(map[string]Quiz, len(s.Quiz))
		for id, z := range s.Quiz {
			quiz[id] = Quiz{Right: maps.Clone(z.Right), Answered: maps.Clone(z.Answered)}
		}
		s.Quiz = quiz
	}
	s.Challenges = maps.Clone(s.Challenges)
	return s
}

// Migrate brings the state of an older file up to date: its places, kept
// without a language, become the places in the language they were read in
// — the state's own, or else lang, the one the app starts in (before
// languages were remembered, that was the language of every run). A state
// with Places already is left as it is.
func (s *State) Migrate(lang string) {
	if s.Places != nil || len(s.Offsets) == 0 {
		return
	}
	if s.Lang != "" {
		lang = s.Lang
	}
	s.Places = map[string]map[string]int{lang: maps.Clone(s.Offsets)}
}

// Place is the line lesson id was left at in lang; 0 when never read there.
func (s *State) Place(lang, id string) int { return s.Places[lang][id] }

// SetPlace records the line lesson id is left at in lang.
func (s *State) SetPlace(lang, id string, line int) {
	if s.Places == nil {
		s.Places = map[string]map[string]int{}
	}
	if s.Places[lang] == nil {
		s.Places[lang] = map[string]int{}
	}
	s.Places[lang][id] = line
}

// forFile is s as written: with the places in the language shown also
// under Offsets, for an older distlab (see Offsets).
func (s State) forFile() State {
	lang := s.Shown
	if lang == "" {
		lang = s.Lang
	}
	if s.Places != nil {
		s.Offsets = s.Places[lang]
	}
	return s
}
