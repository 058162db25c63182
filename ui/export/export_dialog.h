#pragma once

#include <QDialog>

#include "ui/export/export_options.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QRadioButton;
class QSettings;
class QSpinBox;

namespace taskscope::ui {

// File > Export...: what to draw (timeline, state diagram, process tree, wait-for graph,
// statistics or one chart), as PNG, SVG or PDF, the whole run or the visible range, with or
// without GIL and thread lanes, the PNG scale, the width, the title and the PDF page.
// The choices are remembered in `settings` (may be null).
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const QString& defaultTitle, QSettings* settings, QWidget* parent = nullptr);

    ExportOptions options() const;
    void setOptions(const ExportOptions& o);
    QLineEdit* pathEdit() const { return m_path; }

    void accept() override;

private:
    void browse();
    void syncFormat();
    void syncEnabled();
    ExportOptions::Format format() const;

    QSettings* m_settings;
    QLineEdit* m_path;
    QComboBox* m_format;
    QComboBox* m_view;
    QRadioButton* m_whole;
    QRadioButton* m_visible;
    QCheckBox* m_gil;
    QCheckBox* m_threads;
    QCheckBox* m_legend;
    QDoubleSpinBox* m_scale;
    QSpinBox* m_width;
    QLineEdit* m_title;
    QComboBox* m_page;
};

}  // namespace taskscope::ui
