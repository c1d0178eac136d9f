package locale

// The package's own words, English beside Brazilian Portuguese: the causes
// FileError and NetError say (fileerror.go, neterror.go).
func init() {
	Add(
		Str("%s: no such file or folder", "%s: arquivo ou pasta inexistente"),
		Str("%s: permission denied", "%s: permissão negada"),
		Str("%s: already exists", "%s: já existe"),
		Str("%s: is a folder", "%s: é uma pasta"),
		Str("%s: a part of the path is not a folder", "%s: uma parte do caminho não é uma pasta"),
		Str("%s: the file system is read-only", "%s: o sistema de arquivos é somente leitura"),
		Str("%s: no space left on the device", "%s: não há mais espaço no dispositivo"),
		Str("%s: connection refused (nothing listens there)", "%s: conexão recusada (nada escuta ali)"),
		Str("%s: the connection was closed by the other side", "%s: a conexão foi fechada pelo outro lado"),
		Str("%s: cannot be reached from here", "%s: inalcançável daqui"),
		Str("%s: not an address of this machine", "%s: não é um endereço desta máquina"),
		Str("%s: host not found", "%s: host não encontrado"),
		Str("%s: no answer in time", "%s: sem resposta a tempo"),
		Str("port %s in use", "porta %s em uso"),
	)
}
