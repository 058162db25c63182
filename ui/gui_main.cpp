#include "ui/gui_main.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

namespace taskscope::ui {

int guiMain(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("Taskscope");
    QApplication::setApplicationVersion(TASKSCOPE_VERSION_STRING);
    QMainWindow window;
    window.setWindowTitle(QObject::tr("Taskscope %1").arg(TASKSCOPE_VERSION_STRING));
    auto* label = new QLabel(QObject::tr("Taskscope %1").arg(TASKSCOPE_VERSION_STRING), &window);
    label->setAlignment(Qt::AlignCenter);
    window.setCentralWidget(label);
    window.resize(1280, 800);
    window.show();
    return QApplication::exec();
}

}  // namespace taskscope::ui
