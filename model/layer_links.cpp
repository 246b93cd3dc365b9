// The program each layer's library is linked into whole, with nothing but the
// layer's own links (model/CMakeLists.txt): it only has to link, never to run.
int main() { return 0; }
