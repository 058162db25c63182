#include "ui/views/settings_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

#include "ui/sim/simulation_controller.h"

namespace taskscope::ui {

using core::PolicyKind;

namespace {
const PolicyKind kPolicies[] = {PolicyKind::Fcfs,     PolicyKind::Sjf,
                                PolicyKind::Srtf,     PolicyKind::RoundRobin,
                                PolicyKind::Priority, PolicyKind::PriorityPreemptive,
                                PolicyKind::Mlfq,     PolicyKind::Fair};
}

SettingsPanel::SettingsPanel(SimulationController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    setObjectName(QStringLiteral("settingsPanel"));
    m_cores = new QSpinBox;
    m_cores->setRange(1, 64);
    m_policy = new QComboBox;
    const QString names[] = {tr("FCFS (first come, first served)"),
                             tr("SJF (shortest job first)"),
                             tr("SRTF (shortest remaining time)"),
                             tr("Round robin"),
                             tr("Priority"),
                             tr("Priority, preemptive"),
                             tr("MLFQ (multilevel feedback)"),
                             tr("Fair (Linux CFS-like)")};
    for (std::size_t i = 0; i < std::size(kPolicies); ++i)
        m_policy->addItem(names[i], static_cast<int>(kPolicies[i]));
    m_quantum = new QDoubleSpinBox;
    m_quantum->setRange(0.001, 1e6);
    m_quantum->setDecimals(3);
    m_switch = new QDoubleSpinBox;
    m_switch->setRange(0, 1e6);
    m_switch->setDecimals(3);
    m_wake = new QDoubleSpinBox;
    m_wake->setRange(0, 1e6);
    m_wake->setDecimals(3);
    m_wake->setToolTip(
        tr("How long a thread woken by another (a lock release, a queue item, the GIL) takes "
           "to become runnable: the kernel's wake-up latency"));
    m_seed = new QSpinBox;
    m_seed->setRange(0, 1'000'000'000);
    m_unitNote = new QLabel;
    m_unitNote->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Cores"), m_cores);
    form->addRow(tr("Policy"), m_policy);
    form->addRow(tr("Time slice"), m_quantum);
    form->addRow(tr("Context switch"), m_switch);
    form->addRow(tr("Wake-up latency"), m_wake);
    form->addRow(tr("Seed"), m_seed);

    // Python settings: shown so the what-if space is visible, enabled when .py programs run.
    m_python = new QGroupBox(tr("Python programs"));
    auto* pyForm = new QFormLayout(m_python);
    m_gil = new QCheckBox(tr("GIL (uncheck: free-threaded 3.13t)"));
    m_gil->setChecked(true);
    m_gil->setToolTip(
        tr("One global interpreter lock per process: only one of its threads runs Python "
           "bytecode at a time"));
    m_interval = new QDoubleSpinBox;
    m_interval->setRange(0.001, 1000);
    m_interval->setDecimals(3);
    m_interval->setValue(static_cast<double>(core::kDefaultSwitchInterval) / core::kMillisecond);
    m_interval->setSuffix(tr(" ms"));
    m_startMethod = new QComboBox;
    m_startMethod->addItem(QStringLiteral("fork"),
                           static_cast<int>(core::runtime::StartMethod::Fork));
    m_startMethod->addItem(QStringLiteral("spawn"),
                           static_cast<int>(core::runtime::StartMethod::Spawn));
    m_startMethod->addItem(QStringLiteral("forkserver"),
                           static_cast<int>(core::runtime::StartMethod::Forkserver));
    m_startMethod->setToolTip(tr("How multiprocessing starts a child process"));
    m_costScale = new QDoubleSpinBox;
    m_costScale->setRange(0.01, 100);
    m_costScale->setDecimals(2);
    m_costScale->setSingleStep(0.1);
    m_costScale->setValue(1.0);
    m_costScale->setSuffix(QStringLiteral("\u00d7"));
    m_costScale->setToolTip(
        tr("Multiplies the simulated cost of every bytecode and runtime operation "
           "(1\u00d7: calibrated against CPython 3.11)"));
    m_args = new QLineEdit;
    m_args->setObjectName(QStringLiteral("programArguments"));
    m_args->setPlaceholderText(tr("e.g. 4"));
    m_args->setToolTip(
        tr("The program's arguments, sys.argv[1:], separated by spaces (as after "
           "\"python3 program.py\"); applied when you press Enter or leave the box"));
    pyForm->addRow(m_gil);
    pyForm->addRow(tr("Switch interval"), m_interval);
    pyForm->addRow(tr("Start method"), m_startMethod);
    pyForm->addRow(tr("Cost scale"), m_costScale);
    pyForm->addRow(tr("Arguments"), m_args);
    m_python->setEnabled(false);
    m_python->setToolTip(tr("Available when a Python program is open"));

    auto* defaults = new QPushButton(tr("Program defaults"));
    defaults->setToolTip(tr("Back to the settings the open file asks for"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_unitNote);
    m_headerNote = new QLabel;
    m_headerNote->setObjectName(QStringLiteral("headerSettingsNote"));
    m_headerNote->setWordWrap(true);
    m_headerNote->hide();
    layout->addWidget(m_headerNote);
    layout->addWidget(defaults);
    layout->addWidget(m_python);
    layout->addStretch(1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &SettingsPanel::applyNow);
    connect(m_cores, &QSpinBox::valueChanged, this, &SettingsPanel::scheduleApply);
    connect(m_policy, &QComboBox::currentIndexChanged, this, &SettingsPanel::scheduleApply);
    connect(m_quantum, &QDoubleSpinBox::valueChanged, this, &SettingsPanel::scheduleApply);
    connect(m_switch, &QDoubleSpinBox::valueChanged, this, &SettingsPanel::scheduleApply);
    connect(m_wake, &QDoubleSpinBox::valueChanged, this, &SettingsPanel::scheduleApply);
    connect(m_seed, &QSpinBox::valueChanged, this, &SettingsPanel::scheduleApply);
    connect(m_gil, &QCheckBox::toggled, this, &SettingsPanel::scheduleApply);
    connect(m_interval, &QDoubleSpinBox::valueChanged, this, &SettingsPanel::scheduleApply);
    connect(m_startMethod, &QComboBox::currentIndexChanged, this, &SettingsPanel::scheduleApply);
    connect(m_costScale, &QDoubleSpinBox::valueChanged, this, &SettingsPanel::scheduleApply);
    connect(m_args, &QLineEdit::editingFinished, this, [this] {
        if (m_loading || !m_controller->isPython()) return;
        if (formConfig().python.args != m_controller->config().python.args) applyNow();
    });
    connect(defaults, &QPushButton::clicked, this, [this] {
        m_debounce.stop();
        // The file's settings: the defaults under its header (and the startup command line).
        m_controller->setConfig(m_controller->programConfig());
    });
    connect(controller, &SimulationController::programChanged, this,
            &SettingsPanel::loadFromController);
    loadFromController();
}

void SettingsPanel::loadFromController() {
    m_loading = true;
    const auto& s = m_controller->settings();
    const double unit = static_cast<double>(m_controller->tickSize());
    const QString suffix =
        m_controller->workload()
            ? QStringLiteral(" %1").arg(QString::fromStdString(m_controller->workload()->timeUnit))
            : QStringLiteral(" ms");
    m_cores->setValue(s.cores);
    m_policy->setCurrentIndex(m_policy->findData(static_cast<int>(s.policy.kind)));
    m_quantum->setSuffix(suffix);
    m_switch->setSuffix(suffix);
    m_wake->setSuffix(suffix);
    m_quantum->setValue(static_cast<double>(s.policy.quantum) / unit);
    m_switch->setValue(static_cast<double>(s.contextSwitch) / unit);
    m_wake->setValue(static_cast<double>(s.wakeLatency) / unit);
    m_seed->setValue(static_cast<int>(s.seed));
    const auto& py = m_controller->pythonSettings();
    m_gil->setChecked(py.gil);
    m_interval->setValue(static_cast<double>(py.switchInterval) /
                         static_cast<double>(core::kMillisecond));
    m_startMethod->setCurrentIndex(m_startMethod->findData(static_cast<int>(py.startMethod)));
    m_costScale->setValue(py.costScale);
    QStringList args;
    for (const std::string& a : py.args) args << QString::fromStdString(a);
    m_args->setText(args.join(QLatin1Char(' ')));
    QStringList fromHeader;
    for (const auto& h : m_controller->lessonHeader().settingLines)
        fromHeader << QStringLiteral("%1 %2").arg(QString::fromStdString(h.key),
                                                  QString::fromStdString(h.value));
    m_headerNote->setText(
        tr("The program's header sets: %1").arg(fromHeader.join(QStringLiteral(", "))));
    m_headerNote->setVisible(!fromHeader.isEmpty());
    m_python->setEnabled(m_controller->isPython());
    m_python->setToolTip(m_controller->isPython() ? QString()
                                                  : tr("Available when a Python program is open"));
    m_unitNote->setText(tr("Changing a setting re-runs the program and keeps the cursor time."));
    updateEnabled();
    m_loading = false;
}

// A setting with no effect under the form's choices is disabled and says why (as the CLI
// warns: core::applyOverrides's notes).
void SettingsPanel::updateEnabled() {
    const auto kind = static_cast<PolicyKind>(m_policy->currentData().toInt());
    const bool slice = kind == PolicyKind::RoundRobin;
    m_quantum->setEnabled(slice);
    m_quantum->setToolTip(slice ? tr("How long a thread runs before round robin moves on to the "
                                     "next one")
                                : tr("No effect under this policy: only round robin uses a "
                                     "time slice"));
    m_interval->setEnabled(m_gil->isChecked());
    m_interval->setToolTip(m_gil->isChecked()
                               ? tr("sys.setswitchinterval(): how long a thread waits for the GIL "
                                    "before it asks the holder to drop it")
                               : tr("No effect without the GIL (free-threaded)"));
}

core::RunOverrides SettingsPanel::formOverrides() const {
    core::RunOverrides o;
    o.cores = m_cores->value();
    o.policy = static_cast<PolicyKind>(m_policy->currentData().toInt());
    o.quantum = m_quantum->value();  // the boxes show the program's time unit
    o.contextSwitch = m_switch->value();
    o.wakeLatency = m_wake->value();
    o.seed = static_cast<std::uint64_t>(m_seed->value());
    if (m_controller->isPython()) {
        o.gil = m_gil->isChecked();
        o.switchInterval = m_interval->value();
        o.startMethod = static_cast<core::StartMethod>(m_startMethod->currentData().toInt());
        o.costScale = m_costScale->value();
        o.set("args", m_args->text().toStdString(), nullptr);  // split at spaces, as the CLI's
    }
    return o;
}

core::RunConfig SettingsPanel::formConfig() const {
    core::RunConfig c = m_controller->config();
    core::applyOverrides(c, formOverrides());
    return c;
}

SimulationController::PythonSettings SettingsPanel::formPythonSettings() const {
    return {formConfig().python, m_controller->pythonSettings().input};
}

core::MachineSettings SettingsPanel::formSettings() const {
    return formConfig().machine;
}

void SettingsPanel::scheduleApply() {
    updateEnabled();
    if (!m_loading) m_debounce.start();
}

void SettingsPanel::applyNow() {
    m_debounce.stop();
    if (!m_controller->hasProgram()) return;
    m_controller->setConfig(formConfig());
}

}  // namespace taskscope::ui
