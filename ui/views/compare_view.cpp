#include "ui/views/compare_view.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/charts/speedup_chart.h"
#include "ui/export/compare_export.h"
#include "ui/export/image_export.h"
#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

// The runs' core lanes on one time axis, each headed by its settings; a click activates a run.
class CompareTimelines : public QWidget {
public:
    CompareTimelines(Theme* theme, std::function<void(int)> activate)
        : m_theme(theme), m_activate(std::move(activate)) {
        setMouseTracking(true);
    }

    void setRuns(const std::vector<core::CompareRun>* runs) {
        m_runs = runs;
        m_controllers.clear();
        if (runs)
            for (const auto& r : *runs) {
                auto c = std::make_unique<SimulationController>();
                core::Workload unit;
                unit.unit = r.result.config.unit;
                unit.timeUnit = r.result.config.unitName;
                c->adoptRun(std::move(unit), compareRunLabel(r), r.result.config.machine,
                            *r.result.machine, *r.result.trace);
                m_controllers.push_back(std::move(c));
            }
        relayout();
    }

protected:
    void resizeEvent(QResizeEvent*) override {
        if (width() != m_laidOutWidth) relayout();
    }
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.fillRect(rect(), m_theme->background());
        QFont bold = font();
        bold.setBold(true);
        for (std::size_t i = 0; i < m_pictures.size(); ++i) {
            const int top = m_tops[i];
            p.setFont(bold);
            p.setPen(m_theme->text());
            const auto& r = (*m_runs)[i];
            p.drawText(
                QRect(6, top, width() - 12, m_headHeight), Qt::AlignLeft | Qt::AlignVCenter,
                tr("%1 — makespan %2, speed-up %3×")
                    .arg(compareRunLabel(r), QString::fromStdString(formatDuration(r.makespan)))
                    .arg(r.speedup, 0, 'f', 2));
            p.save();
            p.translate(0, top + m_headHeight);
            paintTimelinePicture(p, *m_controllers[i], *m_theme, m_pictures[i], m_options);
            p.restore();
        }
    }
    void mousePressEvent(QMouseEvent* e) override {
        const int y = e->position().toPoint().y();
        for (std::size_t i = 0; i < m_tops.size(); ++i)
            if (y >= m_tops[i] && y < m_tops[i] + m_headHeight + m_pictures[i].size.height())
                m_activate(static_cast<int>(i));
    }

private:
    void relayout() {
        m_pictures.clear();
        m_tops.clear();
        m_laidOutWidth = width();
        m_headHeight = QFontMetrics(font()).height() + 6;
        core::SimTime end = 1;
        if (m_runs)
            for (const auto& r : *m_runs) end = std::max(end, r.makespan);
        m_options = ExportOptions{};
        m_options.legend = false;
        m_options.threadLanes = false;
        m_options.gilLanes = false;
        m_options.range = ExportOptions::Range::Custom;
        m_options.from = 0;
        m_options.to = end + end / 50;
        m_options.width = std::max(400, width());
        int y = 0;
        for (const auto& c : m_controllers) {
            m_tops.push_back(y);
            m_pictures.push_back(planTimelinePicture(*c, *m_theme, m_options));
            y += m_headHeight + m_pictures.back().size.height() + 4;
        }
        setMinimumHeight(y);
        update();
    }

    Theme* m_theme;
    std::function<void(int)> m_activate;
    const std::vector<core::CompareRun>* m_runs = nullptr;
    std::vector<std::unique_ptr<SimulationController>> m_controllers;
    std::vector<TimelinePicture> m_pictures;
    std::vector<int> m_tops;
    ExportOptions m_options;
    int m_headHeight = 20;
    int m_laidOutWidth = -1;
};

namespace {
// The settings the dock offers, with the values it proposes for each.
struct Choice {
    const char* name;
    const char* values;
};
constexpr Choice kChoices[] = {
    {"cores", "1,2,4,8"},
    {"gil", "on,off"},
    {"switch-interval", "1,5,20"},
    {"start-method", "fork,spawn,forkserver"},
    {"args", ",1,2,4"},
    {"policy", "fcfs,rr,fair"},
    {"quantum", "2,4,8"},
    {"seed", "1,2,3"},
};
}  // namespace

CompareView::CompareView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_theme(theme) {
    auto* form = new QGridLayout;
    for (int row = 0; row < 2; ++row) {
        m_name[row] = new QComboBox;
        m_name[row]->setObjectName(QStringLiteral("compareSetting%1").arg(row));
        if (row == 1) m_name[row]->addItem(tr("(nothing else)"), QString());
        for (const Choice& c : kChoices)
            m_name[row]->addItem(QString::fromLatin1(c.name), QString::fromLatin1(c.name));
        m_values[row] = new QLineEdit;
        m_values[row]->setObjectName(QStringLiteral("compareValues%1").arg(row));
        m_values[row]->setToolTip(tr("Values separated by commas"));
        form->addWidget(new QLabel(row == 0 ? tr("Vary") : tr("and")), row, 0);
        form->addWidget(m_name[row], row, 1);
        form->addWidget(m_values[row], row, 2);
        connect(m_name[row], &QComboBox::currentIndexChanged, this,
                [this, row](int) { onSettingChanged(row); });
    }
    if (m_name[1]->count() > 2) m_name[1]->setCurrentIndex(2);  // cores × gil
    onSettingChanged(0);
    onSettingChanged(1);
    form->setColumnStretch(2, 1);

    m_compare = new QPushButton(tr("Compare"));
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_preset = new QPushButton(tr("Compare as the lesson suggests"));
    m_preset->setObjectName(QStringLiteral("comparePresetButton"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar;
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("%v of %m runs"));
    m_progress->setValue(0);
    m_progress->setVisible(false);  // until a comparison runs
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("compareMessage"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_compare);
    buttons->addWidget(m_preset);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);

    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_chart = new SpeedupChart;
    m_chart->applyTheme(*theme);
    m_timelines = new CompareTimelines(theme, [this](int i) { openRun(i); });
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_timelines);
    // Stacked: the table, the chart, the timelines (a dock is more often tall than wide).
    m_chart->setMinimumHeight(180);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(m_chart);
    split->addWidget(scroll);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_compare, &QPushButton::clicked, this, [this] {
        std::vector<std::string> vary;
        for (int row = 0; row < 2; ++row)
            if (const QString v = varyText(row); !v.isEmpty()) vary.push_back(v.toStdString());
        compare(vary);
    });
    connect(m_preset, &QPushButton::clicked, this, [this] { compare(lessonPreset()); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_cancelled) *m_cancelled = true;
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { openRun(row); });
    connect(controller, &SimulationController::programChanged, this,
            [this] { updatePresetButton(); });
    connect(theme, &Theme::changed, this, [this] { m_chart->applyTheme(*m_theme); });
    updatePresetButton();
}

CompareView::~CompareView() {
    if (m_worker) {
        if (m_cancelled) *m_cancelled = true;
        m_worker->wait();
    }
}

void CompareView::onSettingChanged(int row) {
    const QString name = m_name[row]->currentData().toString();
    for (const Choice& c : kChoices)
        if (name == QLatin1String(c.name)) m_values[row]->setText(QString::fromLatin1(c.values));
    m_values[row]->setEnabled(!name.isEmpty());
    if (name.isEmpty()) m_values[row]->clear();
}

QString CompareView::varyText(int row) const {
    const QString name = m_name[row]->currentData().toString();
    if (name.isEmpty()) return {};
    return name + QLatin1Char('=') + m_values[row]->text();
}

std::vector<std::string> CompareView::lessonPreset() const {
    return m_controller->isPython() ? core::comparePreset(m_controller->sourceText().toStdString())
                                    : std::vector<std::string>{};
}

void CompareView::updatePresetButton() {
    const auto preset = lessonPreset();
    m_preset->setEnabled(!preset.empty() && !m_worker);
    QStringList parts;
    for (const auto& p : preset) parts << QString::fromStdString(p);
    m_preset->setToolTip(preset.empty() ? tr("This program has no '# compare:' preset")
                                        : parts.join(QStringLiteral("; ")));
}

bool CompareView::compare(const std::vector<std::string>& vary, QString* error) {
    auto fail = [&](const QString& message) {
        m_message->setText(message);
        if (error) *error = message;
        return false;
    };
    if (m_worker) return fail(tr("A comparison is running"));
    if (!m_controller->hasProgram()) return fail(tr("Open a program or workload first"));
    if (vary.empty()) return fail(tr("Choose a setting to vary"));
    std::vector<core::Variation> variations;
    for (const std::string& text : vary) {
        auto v = core::parseVariation(text);
        if (!v) return fail(QString::fromStdString(v.error().message));
        if (std::any_of(variations.begin(), variations.end(),
                        [&](const core::Variation& o) { return o.name == v->name; }))
            return fail(tr("%1 is chosen twice").arg(QString::fromStdString(v->name)));
        variations.push_back(std::move(*v));
    }
    core::ProgramSource program;
    program.isPython = m_controller->isPython();
    program.path = m_controller->title().toStdString();
    if (program.isPython)
        program.source = m_controller->sourceText().toStdString();
    else
        program.workload = *m_controller->workload();
    core::CompareOptions options;
    options.config = m_controller->config();
    m_baseConfig = *options.config;
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    auto cancelled = m_cancelled;
    const int total = static_cast<int>(core::crossProduct(variations).size());
    m_progress->setRange(0, total);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    options.progress = [this, cancelled](int done, int) {
        QMetaObject::invokeMethod(
            m_progress, [bar = m_progress, done] { bar->setValue(done); }, Qt::QueuedConnection);
        return !*cancelled;
    };
    m_variations = variations;
    m_result = std::make_shared<core::Expected<std::vector<core::CompareRun>>>(
        core::Diagnostic{.message = "not run"});
    auto result = m_result;
    m_worker = QThread::create([program = std::move(program), variations, options, result] {
        *result = core::compareRuns(program, variations, options);
    });
    connect(m_worker, &QThread::finished, this, &CompareView::onFinished);
    m_compare->setEnabled(false);
    m_preset->setEnabled(false);
    m_cancel->setEnabled(true);
    m_message->setText(tr("Running %n configuration(s)…", "", total));
    m_worker->start();
    return true;
}

void CompareView::onFinished() {
    m_worker->deleteLater();
    m_worker = nullptr;
    m_compare->setEnabled(true);
    m_cancel->setEnabled(false);
    updatePresetButton();
    if (!m_result->ok()) {
        m_message->setText(QString::fromStdString(m_result->error().format()));
        m_runs.clear();
    } else {
        m_runs = std::move(m_result->value());
        m_message->setText(tr("%n run(s); double-click a row or click a timeline to open it", "",
                              static_cast<int>(m_runs.size())));
    }
    m_result.reset();
    showRuns();
    emit finished();
}

void CompareView::showRuns() {
    const bool python = m_baseConfig.isPython;
    QStringList headers;
    for (const auto& v : m_variations) headers << QString::fromStdString(v.name);
    headers << tr("makespan") << tr("CPU") << tr("utilization");
    if (python) headers << tr("GIL wait");
    headers << tr("exit") << tr("speed-up");
    m_table->clear();
    m_table->setColumnCount(static_cast<int>(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(static_cast<int>(m_runs.size()));
    QStringList labels;
    std::vector<double> speedups;
    for (int i = 0; i < static_cast<int>(m_runs.size()); ++i) {
        const auto& r = m_runs[static_cast<std::size_t>(i)];
        int col = 0;
        auto put = [&](const QString& text) {
            m_table->setItem(i, col++, new QTableWidgetItem(text));
        };
        for (const auto& [_, value] : r.settings)
            put(value.empty() ? QStringLiteral("''") : QString::fromStdString(value));
        put(QString::fromStdString(formatDuration(r.makespan)));
        put(QString::fromStdString(formatDuration(r.cpu)));
        put(QStringLiteral("%1%").arg(r.utilization * 100, 0, 'f', 1));
        if (python) put(QString::fromStdString(formatDuration(r.gilWait)));
        const bool stopped = r.result.end != core::RunEnd::Finished;
        put(r.result.end == core::RunEnd::Deadlock     ? tr("deadlock")
            : r.result.end == core::RunEnd::AllBlocked ? tr("all blocked")
            : stopped                                  ? tr("stopped")
                                                       : QString::number(r.result.exitCode));
        put(QStringLiteral("%1×").arg(r.speedup, 0, 'f', 2));
        labels << compareRunLabel(r);
        speedups.push_back(r.speedup);
    }
    m_table->resizeColumnsToContents();
    QStringList varied;
    for (const auto& v : m_variations) varied << QString::fromStdString(v.name);
    m_chart->setRuns(labels, speedups, tr("Speed-up: %1").arg(varied.join(QStringLiteral(" × "))));
    m_timelines->setRuns(&m_runs);
}

void CompareView::openRun(int i) {
    if (i < 0 || i >= static_cast<int>(m_runs.size())) return;
    m_table->selectRow(i);
    core::RunOverrides o;
    for (const auto& [name, value] : m_runs[static_cast<std::size_t>(i)].settings)
        o.set(name, value, nullptr);
    core::RunConfig config = m_baseConfig;
    core::applyOverrides(config, o);
    m_controller->setConfig(config);
}

}  // namespace taskscope::ui
