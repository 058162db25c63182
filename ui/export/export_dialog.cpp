#include "ui/export/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>

namespace taskscope::ui {

namespace {
const char* kSuffix[] = {"png", "svg", "pdf"};
}  // namespace

ExportDialog::ExportDialog(const QString& defaultTitle, QSettings* settings, QWidget* parent)
    : QDialog(parent), m_settings(settings) {
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export"));
    auto* form = new QFormLayout;

    m_view = new QComboBox;
    m_view->setObjectName(QStringLiteral("exportView"));
    m_view->addItem(tr("Timeline"), QStringLiteral("timeline"));
    m_view->addItem(tr("State diagram"), QStringLiteral("states"));
    m_view->addItem(tr("Process tree"), QStringLiteral("processes"));
    m_view->addItem(tr("Wait-for graph"), QStringLiteral("wait-for"));
    m_view->addItem(tr("Statistics (both charts)"), QStringLiteral("stats"));
    m_view->addItem(tr("Chart: waiting and turnaround"), QStringLiteral("waiting-chart"));
    m_view->addItem(tr("Chart: CPU utilization"), QStringLiteral("utilization-chart"));
    m_view->addItem(tr("GIL"), QStringLiteral("gil"));
    m_view->addItem(tr("Sync objects"), QStringLiteral("sync-objects"));
    m_view->addItem(tr("Code (Python programs)"), QStringLiteral("code"));
    form->addRow(tr("&View:"), m_view);

    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("PNG image"));
    m_format->addItem(tr("SVG drawing"));
    m_format->addItem(tr("PDF document"));
    form->addRow(tr("&Format:"), m_format);

    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("exportPath"));
    auto* browse = new QPushButton(tr("&Browse..."));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto* pathLabel = new QLabel(tr("F&ile:"));
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);

    m_whole = new QRadioButton(tr("&Whole run"));
    m_visible = new QRadioButton(tr("Visible &range of the timeline"));
    m_whole->setChecked(true);
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(m_whole);
    rangeRow->addWidget(m_visible);
    rangeRow->addStretch(1);
    form->addRow(tr("Range:"), rangeRow);

    m_gil = new QCheckBox(tr("&GIL lanes"));
    m_threads = new QCheckBox(tr("&Thread lanes"));
    m_legend = new QCheckBox(tr("&Legend"));
    for (QCheckBox* c : {m_gil, m_threads, m_legend}) c->setChecked(true);
    auto* lanes = new QHBoxLayout;
    lanes->addWidget(m_gil);
    lanes->addWidget(m_threads);
    lanes->addWidget(m_legend);
    lanes->addStretch(1);
    form->addRow(tr("Include:"), lanes);

    m_scale = new QDoubleSpinBox;
    m_scale->setObjectName(QStringLiteral("exportScale"));
    m_scale->setRange(0.25, 8.0);
    m_scale->setSingleStep(0.5);
    m_scale->setDecimals(2);
    m_scale->setValue(2.0);
    m_scale->setSuffix(QStringLiteral("\u00d7"));
    m_scale->setToolTip(tr("Pixels per point of the PNG: 2\u00d7 stays sharp on slides"));
    form->addRow(tr("PNG &scale:"), m_scale);

    m_width = new QSpinBox;
    m_width->setRange(400, 16000);
    m_width->setSingleStep(100);
    m_width->setValue(ExportOptions{}.width);
    m_width->setSuffix(tr(" pt"));
    form->addRow(tr("&Width:"), m_width);

    m_title = new QLineEdit(defaultTitle);
    m_title->setObjectName(QStringLiteral("exportTitle"));
    m_title->setPlaceholderText(tr("no title"));
    form->addRow(tr("T&itle:"), m_title);

    m_page = new QComboBox;
    m_page->addItem(tr("The picture's own size"), QString());
    for (const char* page : {"A4", "A3", "Letter", "A4-portrait", "Letter-portrait"})
        m_page->addItem(QString::fromLatin1(page), QString::fromLatin1(page));
    form->addRow(tr("PDF &page:"), m_page);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    // Remembered choices (the title is the program's, so it is not remembered).
    if (m_settings) {
        m_settings->beginGroup(QStringLiteral("export"));
        m_view->setCurrentIndex(
            std::max(0, m_view->findData(m_settings->value(QStringLiteral("view"),
                                                           QStringLiteral("timeline")))));
        m_format->setCurrentIndex(
            std::clamp(m_settings->value(QStringLiteral("format"), 0).toInt(), 0, 2));
        m_visible->setChecked(m_settings->value(QStringLiteral("visible"), false).toBool());
        m_gil->setChecked(m_settings->value(QStringLiteral("gil"), true).toBool());
        m_threads->setChecked(m_settings->value(QStringLiteral("threads"), true).toBool());
        m_legend->setChecked(m_settings->value(QStringLiteral("legend"), true).toBool());
        m_scale->setValue(m_settings->value(QStringLiteral("scale"), 2.0).toDouble());
        m_width->setValue(
            m_settings->value(QStringLiteral("width"), ExportOptions{}.width).toInt());
        m_page->setCurrentIndex(
            std::max(0, m_page->findData(m_settings->value(QStringLiteral("page")).toString())));
        const QString dir =
            m_settings->value(QStringLiteral("folder"), QDir::homePath()).toString();
        m_settings->endGroup();
        m_path->setText(QDir(dir).filePath(QStringLiteral("timeline.") +
                                           QLatin1String(kSuffix[m_format->currentIndex()])));
    } else {
        m_path->setText(QDir::home().filePath(QStringLiteral("timeline.png")));
    }
    m_whole->setChecked(!m_visible->isChecked());

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        syncFormat();
        syncEnabled();
    });
    connect(m_view, &QComboBox::currentIndexChanged, this, [this] {
        // Name the file after the view while it still has a generated name.
        const QFileInfo info(m_path->text());
        const QString base = info.completeBaseName();
        bool generated = false;
        for (int i = 0; i < m_view->count(); ++i)
            generated = generated || base == m_view->itemData(i).toString();
        if (generated)
            m_path->setText(info.dir().filePath(m_view->currentData().toString() +
                                                QLatin1Char('.') +
                                                QLatin1String(kSuffix[m_format->currentIndex()])));
        syncEnabled();
    });
    syncEnabled();
}

ExportOptions::Format ExportDialog::format() const {
    return static_cast<ExportOptions::Format>(std::clamp(m_format->currentIndex(), 0, 2));
}

void ExportDialog::syncFormat() {
    const QFileInfo info(m_path->text());
    if (info.fileName().isEmpty()) return;
    m_path->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') +
                                        QLatin1String(kSuffix[m_format->currentIndex()])));
}

void ExportDialog::syncEnabled() {
    const bool timeline = m_view->currentData().toString() == QLatin1String("timeline");
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_whole, m_visible, m_gil, m_threads, m_legend})
        w->setEnabled(timeline);
    m_scale->setEnabled(format() == ExportOptions::Format::Png);
    m_page->setEnabled(format() == ExportOptions::Format::Pdf);
}

void ExportDialog::browse() {
    const QString filters[] = {tr("PNG image (*.png)"), tr("SVG drawing (*.svg)"),
                               tr("PDF document (*.pdf)")};
    QString chosen = filters[m_format->currentIndex()];
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export to"), m_path->text(),
        filters[0] + QStringLiteral(";;") + filters[1] + QStringLiteral(";;") + filters[2],
        &chosen);
    if (path.isEmpty()) return;
    m_path->setText(path);
    if (const auto f = exportFormatForSuffix(QFileInfo(path).suffix())) {
        const QSignalBlocker block(m_format);
        m_format->setCurrentIndex(static_cast<int>(*f));
        syncEnabled();
    } else {
        for (int i = 0; i < 3; ++i)
            if (chosen == filters[i]) m_format->setCurrentIndex(i);
    }
}

ExportOptions ExportDialog::options() const {
    ExportOptions o;
    o.path = m_path->text().trimmed();
    // The file's extension wins over the combo box when they disagree.
    o.format = exportFormatForSuffix(QFileInfo(o.path).suffix()).value_or(format());
    o.view =
        exportViewForName(m_view->currentData().toString()).value_or(ExportOptions::View::Timeline);
    o.range = m_visible->isChecked() ? ExportOptions::Range::Visible : ExportOptions::Range::Whole;
    o.gilLanes = m_gil->isChecked();
    o.threadLanes = m_threads->isChecked();
    o.legend = m_legend->isChecked();
    o.scale = m_scale->value();
    o.width = m_width->value();
    o.title = m_title->text().toStdString();
    o.page = m_page->currentData().toString().toStdString();
    return o;
}

void ExportDialog::setOptions(const ExportOptions& o) {
    m_path->setText(o.path);
    m_format->setCurrentIndex(static_cast<int>(o.format));
    m_path->setText(o.path);
    m_view->setCurrentIndex(std::max(0, m_view->findData(exportViewName(o.view))));
    m_visible->setChecked(o.range == ExportOptions::Range::Visible);
    m_whole->setChecked(o.range != ExportOptions::Range::Visible);
    m_gil->setChecked(o.gilLanes);
    m_threads->setChecked(o.threadLanes);
    m_legend->setChecked(o.legend);
    m_scale->setValue(o.scale);
    m_width->setValue(o.width);
    m_title->setText(QString::fromStdString(o.title));
    syncEnabled();
}

void ExportDialog::accept() {
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        QMessageBox::warning(this, tr("Export"), tr("Choose a file to export to."));
        return;
    }
    if (m_settings) {
        m_settings->beginGroup(QStringLiteral("export"));
        m_settings->setValue(QStringLiteral("view"), m_view->currentData());
        m_settings->setValue(QStringLiteral("format"), m_format->currentIndex());
        m_settings->setValue(QStringLiteral("visible"), m_visible->isChecked());
        m_settings->setValue(QStringLiteral("gil"), m_gil->isChecked());
        m_settings->setValue(QStringLiteral("threads"), m_threads->isChecked());
        m_settings->setValue(QStringLiteral("legend"), m_legend->isChecked());
        m_settings->setValue(QStringLiteral("scale"), m_scale->value());
        m_settings->setValue(QStringLiteral("width"), m_width->value());
        m_settings->setValue(QStringLiteral("page"), m_page->currentData());
        m_settings->setValue(QStringLiteral("folder"), QFileInfo(path).absolutePath());
        m_settings->endGroup();
    }
    QDialog::accept();
}

}  // namespace taskscope::ui
