// runEditor, the editor's entry point: the application (editor_app.h) made
// from the options and run.
#include "editor.h"

#include "editor_app.h"

namespace strawman::editor {

int runEditor(const EditorOptions& options) {
    EditorApp app(options);
    return app.run();
}

} // namespace strawman::editor
