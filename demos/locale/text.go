package locale

// The package's own words, English beside Brazilian Portuguese: the causes
// FileError says (fileerror.go).
func init() {
	Add(
		Str("%s: no such file or folder", "%s: arquivo ou pasta inexistente"),
		Str("%s: permission denied", "%s: permissão negada"),
		Str("%s: already exists", "%s: já existe"),
		Str("%s: is a folder", "%s: é uma pasta"),
		Str("%s: a part of the path is not a folder", "%s: uma parte do caminho não é uma pasta"),
		Str("%s: the file system is read-only", "%s: o sistema de arquivos é somente leitura"),
		Str("%s: no space left on the device", "%s: não há mais espaço no dispositivo"),
	)
}
