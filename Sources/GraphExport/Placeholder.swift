internal import CLibXML2
func libxmlVersion() -> Int { Int(LIBXML_VERSION) }
