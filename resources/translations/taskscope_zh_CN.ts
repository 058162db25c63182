<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cause</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>admit</source>
        <translation>接纳</translation>
    </message>
    <message>
        <source>dispatch</source>
        <translation>调度运行</translation>
    </message>
    <message>
        <source>time slice expired</source>
        <translation>时间片用完</translation>
    </message>
    <message>
        <source>preempted</source>
        <translation>被抢占</translation>
    </message>
    <message>
        <source>yield</source>
        <translation>主动让出</translation>
    </message>
    <message>
        <source>block</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>wake up</source>
        <translation>唤醒</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>被杀死</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Waiting: %1</source>
        <translation>等待:%1</translation>
    </message>
    <message>
        <source>... %1 more threads</source>
        <translation>……另有 %1 个线程</translation>
    </message>
    <message>
        <source>context switch</source>
        <translation>上下文切换</translation>
    </message>
    <message>
        <source>GIL lane: the holder&apos;s colour</source>
        <translation>GIL 通道:持有者的颜色</translation>
    </message>
    <message>
        <source>, 1 core</source>
        <translation>,1 个核心</translation>
    </message>
    <message>
        <source>, %1 cores</source>
        <translation>,%1 个核心</translation>
    </message>
    <message>
        <source>, time slice %1</source>
        <translation>,时间片 %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>%1: nothing to draw</source>
        <translation>%1:没有可绘制的内容</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: check that the folder exists and is writable</source>
        <translation>无法写入“%1”:请检查文件夹是否存在且可写</translation>
    </message>
    <message>
        <source>%1: the image would be %2 x %3 pixels; lower the scale or the width</source>
        <translation>%1:图像将达 %2 x %3 像素;请降低缩放比例或宽度</translation>
    </message>
    <message>
        <source>%1: not enough memory for the image</source>
        <translation>%1:内存不足,无法生成图像</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos; as PNG</source>
        <translation>无法将“%1”写为 PNG</translation>
    </message>
    <message>
        <source>Exported by Taskscope</source>
        <translation>由 Taskscope 导出</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos; as SVG</source>
        <translation>无法将“%1”写为 SVG</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>无法写入“%1”:%2</translation>
    </message>
    <message>
        <source>%1: the page size was refused</source>
        <translation>%1:页面尺寸被拒绝</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos; as PDF</source>
        <translation>无法将“%1”写为 PDF</translation>
    </message>
    <message>
        <source>the code view shows a Python program: open a .py file in the app and export it from there (File &gt; Export)</source>
        <translation>代码视图显示的是 Python 程序:请在应用中打开一个 .py 文件,再从那里导出(文件 &gt; 导出)</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>makespan</source>
        <translation>总时长</translation>
    </message>
    <message>
        <source>speed-up %1×</source>
        <translation>加速比 %1×</translation>
    </message>
    <message>
        <source>the GIL</source>
        <translation>GIL</translation>
    </message>
</context>
<context>
    <name>LessonTopic</name>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>The GIL</source>
        <translation>GIL 全局解释器锁</translation>
    </message>
    <message>
        <source>Process pools</source>
        <translation>进程池</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Shared memory</source>
        <translation>共享内存</translation>
    </message>
    <message>
        <source>Locks and events</source>
        <translation>锁与事件</translation>
    </message>
    <message>
        <source>Deadlock</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>Scheduling</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Pipelines (DataLoader)</source>
        <translation>流水线(DataLoader)</translation>
    </message>
    <message>
        <source>Races</source>
        <translation>竞争</translation>
    </message>
    <message>
        <source>I/O</source>
        <translation>I/O</translation>
    </message>
</context>
<context>
    <name>ObjectKind</name>
    <message>
        <source>Lock</source>
        <translation>锁</translation>
    </message>
    <message>
        <source>RLock</source>
        <translation>可重入锁</translation>
    </message>
    <message>
        <source>Semaphore</source>
        <translation>信号量</translation>
    </message>
    <message>
        <source>BoundedSemaphore</source>
        <translation>有界信号量</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件变量</translation>
    </message>
    <message>
        <source>Barrier</source>
        <translation>栅栏</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>等待结束</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>共享值</translation>
    </message>
    <message>
        <source>join %1</source>
        <translation>%1 结束(join)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>kind, then the object&apos;s name</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>object %1</source>
        <translation>对象 %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>row %1: %2</source>
        <translation>第 %1 行:%2</translation>
    </message>
</context>
<context>
    <name>RunEvents</name>
    <message>
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1(pid %2)</translation>
    </message>
    <message>
        <source>spawn %1</source>
        <translation>创建 %1</translation>
    </message>
    <message>
        <source>exit %1, code %2</source>
        <translation>%1 退出,退出码 %2</translation>
    </message>
    <message>
        <source>deadlock: %1</source>
        <translation>死锁:%1</translation>
    </message>
    <message>
        <source>deadlock: %1 waits for %2</source>
        <translation>死锁:%1 等待 %2</translation>
    </message>
    <message>
        <source>mark &quot;%1&quot; by %2</source>
        <translation>%2 打下标记“%1”</translation>
    </message>
    <message>
        <source>%1 waited a switch interval: the holder must drop the GIL</source>
        <translation>%1 已等待一个切换间隔:持有者必须释放 GIL</translation>
    </message>
    <message>
        <source>lost update on %1: %2 overwrote %3&apos;s write</source>
        <translation>%1 上丢失更新:%2 覆盖了 %3 的写入</translation>
    </message>
    <message>
        <source>lost update on %1: %2 wrote from a stale read</source>
        <translation>%1 上丢失更新:%2 基于过期的读取写入</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待(阻塞)</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>终止</translation>
    </message>
</context>
<context>
    <name>TimelinePainter</name>
    <message>
        <source>not played yet: what happens next?</source>
        <translation>尚未播放:接下来会发生什么?</translation>
    </message>
</context>
<context>
    <name>WaitForGraph</name>
    <message>
        <source>%1 has one holder (%2)</source>
        <translation>%1 只有一个持有者(%2)</translation>
    </message>
    <message>
        <source>no lock is held</source>
        <translation>没有被持有的锁</translation>
    </message>
    <message>
        <source>%1 holds %2 and waits for %3</source>
        <translation>%1 持有 %2,同时等待 %3</translation>
    </message>
    <message>
        <source>no thread holds a lock while it waits</source>
        <translation>没有线程在等待时持有锁</translation>
    </message>
    <message>
        <source>a lock is released only by its holder; the kernel never takes it away</source>
        <translation>锁只能由持有者释放,内核不会强行收回</translation>
    </message>
    <message>
        <source>%1 waits for %2 held by %3</source>
        <translation>%1 等待 %3 持有的 %2</translation>
    </message>
    <message>
        <source>no cycle in the wait-for graph</source>
        <translation>等待图中没有环</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the steps of a cycle</comment>
        <translation>;</translation>
    </message>
</context>
<context>
    <name>WaitReason</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>I/O</source>
        <translation>I/O</translation>
    </message>
    <message>
        <source>disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>sleep</source>
        <translation>睡眠</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>锁</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>条件变量</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>join</source>
        <translation>join</translation>
    </message>
    <message>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>barrier</source>
        <translation>栅栏</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::BreakpointsView</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待(阻塞)</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Pause on a &amp;deadlock</source>
        <translation>出现死锁时暂停(&amp;D)</translation>
    </message>
    <message>
        <source>Pause on a &amp;lost update (race)</source>
        <translation>出现丢失更新(竞争)时暂停(&amp;L)</translation>
    </message>
    <message>
        <source>Pause at &amp;markers (taskscope.mark)</source>
        <translation>遇到标记时暂停(taskscope.mark)(&amp;M)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Pause on a state change</source>
        <translation>状态改变时暂停</translation>
    </message>
    <message>
        <source>when</source>
        <translation>当</translation>
    </message>
    <message>
        <source>becomes</source>
        <translation>变为</translation>
    </message>
    <message>
        <source>Play stops when threads start waiting for each other in a cycle</source>
        <translation>当线程开始循环等待彼此时停止播放</translation>
    </message>
    <message>
        <source>Play stops when a write overwrites another thread&apos;s write made after its read</source>
        <translation>当一次写入覆盖了另一个线程在其读取之后的写入时停止播放</translation>
    </message>
    <message>
        <source>Paused at %1: %2</source>
        <translation>暂停于 %1:%2</translation>
    </message>
    <message>
        <source>any thread</source>
        <translation>任意线程</translation>
    </message>
    <message>
        <source>when %1 becomes %2</source>
        <translation>当 %1 变为 %2</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::CodeView</name>
    <message>
        <source>Click a line number to set or clear a breakpoint</source>
        <translation>点击行号设置或清除断点</translation>
    </message>
    <message>
        <source>Line %1: click to set or clear a breakpoint</source>
        <translation>第 %1 行:点击设置或清除断点</translation>
    </message>
    <message numerus="yes">
        <source>Line %1: %n thread(s) here; click to set or clear a breakpoint</source>
        <translation>
            <numerusform>第 %1 行:%n 个线程在此;点击设置或清除断点</numerusform>
        </translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the edited program from the start (Ctrl+R in the editor)</source>
        <translation>从头运行编辑后的程序(在编辑器中按 Ctrl+R)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Drop your edits and go back to the file&apos;s own text</source>
        <translation>放弃你的修改,恢复文件原文</translation>
    </message>
    <message>
        <source>Restored your edits of %1; Revert goes back to the file</source>
        <translation>已恢复你对 %1 的修改;“还原”可回到文件原文</translation>
    </message>
    <message>
        <source>Cannot save your edits to %1: %2</source>
        <translation>无法保存你对 %1 的修改:%2</translation>
    </message>
    <message>
        <source>Running the edited program</source>
        <translation>正在运行编辑后的程序</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>提示:%1</translation>
    </message>
    <message>
        <source>No Python program open</source>
        <translation>没有打开 Python 程序</translation>
    </message>
    <message>
        <source>Error on line %1 (the last good version keeps running)</source>
        <translation>第 %1 行有错误(仍在运行上一个正确的版本)</translation>
    </message>
    <message>
        <source>Edited: Run (Ctrl+R) to see it run</source>
        <translation>已修改:点击“运行”(Ctrl+R)查看运行效果</translation>
    </message>
    <message>
        <source>Running your edited version</source>
        <translation>正在运行你修改后的版本</translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation>正在运行 %1</translation>
    </message>
    <message>
        <source>Breakpoint on line %1: Play pauses when a thread reaches it</source>
        <translation>第 %1 行断点:有线程到达时播放会暂停</translation>
    </message>
    <message>
        <source>Breakpoint on line %1 cleared</source>
        <translation>已清除第 %1 行断点</translation>
    </message>
    <message>
        <source>No edits to revert: this is the file&apos;s own text</source>
        <translation>没有可还原的修改:这就是文件本身的内容</translation>
    </message>
    <message>
        <source>Throw away your edits of %1 and go back to the file&apos;s own text?</source>
        <translation>放弃你对 %1 的修改,回到文件本身的内容吗?</translation>
    </message>
    <message>
        <source>Throw away my edits</source>
        <translation>放弃我的修改</translation>
    </message>
    <message>
        <source>Open a Python program (.py) to see its code here: File → Open or File → Lessons (Ctrl+L).</source>
        <translation>打开一个 Python 程序(.py)即可在此查看代码:文件 → 打开,或 文件 → 课程(Ctrl+L)。</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::CompareTimelines</name>
    <message>
        <source>%1 — makespan %2, speed-up %3×</source>
        <translation>%1 — 总时长 %2,加速比 %3×</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::CompareView</name>
    <message>
        <source>(nothing else)</source>
        <translation>(不再变化其他设置)</translation>
    </message>
    <message>
        <source>Values separated by commas</source>
        <translation>用逗号分隔的取值</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>and</source>
        <translation>以及</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare as the lesson suggests</source>
        <translation>按课程建议比较</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation>%v / %m 次运行</translation>
    </message>
    <message>
        <source>This program has no &apos;# compare:&apos; preset</source>
        <translation>此程序没有 &apos;# compare:&apos; 预设</translation>
    </message>
    <message>
        <source>A comparison is running</source>
        <translation>正在进行一次比较</translation>
    </message>
    <message>
        <source>Open a program or workload first</source>
        <translation>请先打开程序或工作负载</translation>
    </message>
    <message>
        <source>Choose a setting to vary</source>
        <translation>请选择要变化的设置</translation>
    </message>
    <message>
        <source>%1 is chosen twice</source>
        <translation>%1 被选了两次</translation>
    </message>
    <message numerus="yes">
        <source>Running %n configuration(s)…</source>
        <translation>
            <numerusform>正在运行 %n 种配置…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s); double-click a row or click a timeline to open it</source>
        <translation>
            <numerusform>共 %n 次运行;双击一行或点击时间线即可打开</numerusform>
        </translation>
    </message>
    <message>
        <source>makespan</source>
        <translation>总时长</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>utilization</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>GIL wait</source>
        <translation>GIL 等待</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>speed-up</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>deadlock</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>all blocked</source>
        <translation>全部阻塞</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Speed-up: %1</source>
        <translation>加速比:%1</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::ConsoleView</name>
    <message>
        <source>Double-click a line to move the cursor to it</source>
        <translation>双击一行,把光标移到该时刻</translation>
    </message>
    <message>
        <source>Kernel events</source>
        <translation>内核事件</translation>
    </message>
    <message>
        <source>Also list process creation, exit, reaping and markers</source>
        <translation>同时列出进程的创建、退出、回收和标记</translation>
    </message>
    <message>
        <source>All processes</source>
        <translation>所有进程</translation>
    </message>
    <message>
        <source>◆ mark: %1</source>
        <translation>◆ 标记:%1</translation>
    </message>
    <message>
        <source>created by %1</source>
        <translation>由 %1 创建</translation>
    </message>
    <message>
        <source>started by the shell (pid %1)</source>
        <translation>由 shell 启动(pid %1)</translation>
    </message>
    <message>
        <source>exited with code %1 (zombie until its parent waits)</source>
        <translation>退出,退出码 %1(在父进程 wait 之前是僵尸进程)</translation>
    </message>
    <message>
        <source>reaped by its parent</source>
        <translation>已被父进程回收</translation>
    </message>
    <message>
        <source>Nothing printed yet. Workload processes print nothing; turn on kernel events to see them start and exit.</source>
        <translation>尚无输出。工作负载中的进程不打印任何内容;打开“内核事件”可以看到它们的启动和退出。</translation>
    </message>
    <message>
        <source>A line for the program&apos;s input(): press Enter to add it; the run restarts with all lines given so far</source>
        <translation>程序 input() 读取的一行:按回车添加;运行会带着已给出的所有行重新开始</translation>
    </message>
    <message>
        <source>Clear input</source>
        <translation>清除输入</translation>
    </message>
    <message>
        <source>Forget the input lines: input() sees the end of input again</source>
        <translation>忘掉这些输入行:input() 将再次遇到输入结束</translation>
    </message>
    <message>
        <source>input() line %1: type and press Enter</source>
        <translation>input() 第 %1 行:输入后按回车</translation>
    </message>
    <message>
        <source>input() lines are for Python programs</source>
        <translation>input() 输入行只用于 Python 程序</translation>
    </message>
    <message>
        <source>%1 waits for %2</source>
        <translation>%1 等待 %2</translation>
    </message>
    <message>
        <source>DEADLOCK</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>%1; no thread can go on</source>
        <translation>%1;没有线程能继续运行</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>State diagram</source>
        <translation>状态图</translation>
    </message>
    <message>
        <source>Process tree</source>
        <translation>进程树</translation>
    </message>
    <message>
        <source>Wait-for graph</source>
        <translation>等待图</translation>
    </message>
    <message>
        <source>Statistics (both charts)</source>
        <translation>统计(两张图表)</translation>
    </message>
    <message>
        <source>Chart: waiting and turnaround</source>
        <translation>图表:等待时间与周转时间</translation>
    </message>
    <message>
        <source>Chart: CPU utilization</source>
        <translation>图表:CPU 利用率</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>视图(&amp;V):</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Whole run</source>
        <translation>整个运行(&amp;W)</translation>
    </message>
    <message>
        <source>Visible &amp;range of the timeline</source>
        <translation>时间线的可见范围(&amp;R)</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围:</translation>
    </message>
    <message>
        <source>&amp;GIL lanes</source>
        <translation>GIL 通道(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Thread lanes</source>
        <translation>线程通道(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation>图例(&amp;L)</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>包含:</translation>
    </message>
    <message>
        <source>Pixels per point of the PNG: 2× stays sharp on slides</source>
        <translation>PNG 每点的像素数:2× 在幻灯片上依然清晰</translation>
    </message>
    <message>
        <source>PNG &amp;scale:</source>
        <translation>PNG 缩放(&amp;S):</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 点</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>宽度(&amp;W):</translation>
    </message>
    <message>
        <source>no title</source>
        <translation>无标题</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>标题(&amp;I):</translation>
    </message>
    <message>
        <source>The picture&apos;s own size</source>
        <translation>图片自身的尺寸</translation>
    </message>
    <message>
        <source>PDF &amp;page:</source>
        <translation>PDF 页面(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>Sync objects</source>
        <translation>同步对象</translation>
    </message>
    <message>
        <source>Code (Python programs)</source>
        <translation>代码(Python 程序)</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::GilView</name>
    <message>
        <source>free-threaded: no GIL (threads run side by side)</source>
        <translation>自由线程:没有 GIL(线程并行运行)</translation>
    </message>
    <message>
        <source>No GIL activity in this run yet</source>
        <translation>本次运行中还没有 GIL 活动</translation>
    </message>
    <message>
        <source>No GIL in this run: open a Python program (or a workload with a GIL) to see it</source>
        <translation>本次运行没有 GIL:打开一个 Python 程序(或带 GIL 的工作负载)即可查看</translation>
    </message>
    <message>
        <source>No thread has taken the GIL yet at this time</source>
        <translation>此刻还没有线程拿到过 GIL</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1(pid %2)</translation>
    </message>
    <message>
        <source>hand-offs: %1   acquisitions: %2   switch interval: %3</source>
        <translation>交接:%1   获取:%2   切换间隔:%3</translation>
    </message>
    <message>
        <source>holds it for %1</source>
        <translation>已持有 %1</translation>
    </message>
    <message>
        <source>free: nobody holds the GIL</source>
        <translation>空闲:没有线程持有 GIL</translation>
    </message>
    <message>
        <source>drop request!</source>
        <translation>释放请求!</translation>
    </message>
    <message>
        <source>drop request</source>
        <translation>释放请求</translation>
    </message>
    <message>
        <source>queue:</source>
        <translation>队列:</translation>
    </message>
    <message>
        <source>waiting:</source>
        <translation>等待中:</translation>
    </message>
    <message>
        <source>no thread is waiting for the GIL</source>
        <translation>没有线程在等待 GIL</translation>
    </message>
    <message>
        <source>waits %1</source>
        <translation>已等待 %1</translation>
    </message>
    <message numerus="yes">
        <source>GIL wait %1 · %n turn(s)</source>
        <translation>
            <numerusform>GIL 等待 %1 · %n 轮</numerusform>
        </translation>
    </message>
    <message>
        <source>Every process here has one thread, so its GIL never changes hands. View &gt; GIL lane per process &gt; Every process shows them anyway.</source>
        <translation>这里每个进程只有一个线程,它的 GIL 从不换手。视图 &gt; 每个进程的 GIL 泳道 &gt; 所有进程 仍可显示它们。</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::LegendStrip</name>
    <message>
        <source>%1: %2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>context switch</source>
        <translation>上下文切换</translation>
    </message>
    <message>
        <source>CPU and GIL lanes: the thread&apos;s own colour (GIL lane empty: free)</source>
        <translation>CPU 与 GIL 泳道:线程自己的颜色(GIL 泳道为空:空闲)</translation>
    </message>
    <message>
        <source>marker (taskscope.mark)</source>
        <translation>标记(taskscope.mark)</translation>
    </message>
    <message>
        <source>lock acquired / released</source>
        <translation>获得锁 / 释放锁</translation>
    </message>
    <message>
        <source>queue put / get</source>
        <translation>队列 put / get</translation>
    </message>
    <message>
        <source>deadlock, lost update</source>
        <translation>死锁、丢失更新</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::LessonBrowser</name>
    <message>
        <source>Seed 000 · Processes: Process, Pool, Queue</source>
        <translation>种子 000 · Python 进程:Process、Pool、Queue</translation>
    </message>
    <message>
        <source>Seed 001 · Threads and processes: concurrency, parallelism, the GIL</source>
        <translation>种子 001 · Python 多线程、多进程:并发、并行与 GIL</translation>
    </message>
    <message>
        <source>Seed 002 · Multiprocessing in practice: Queue, Pool, shared memory, locks</source>
        <translation>种子 002 · 如何应用多进程 Multiprocessing:Queue、Pool、共享内存、锁</translation>
    </message>
    <message>
        <source>Seed 003 · Multitasking notes: states, events, locks, deadlock</source>
        <translation>种子 003 · 多任务笔记:进程状态、事件、锁、死锁</translation>
    </message>
    <message>
        <source>Seed 004 · Processes and threads, daemon threads, DataLoader workers</source>
        <translation>种子 004 · Python 中的进程和线程、守护线程、DataLoader 工作进程</translation>
    </message>
    <message>
        <source>Scheduling and kernel exercises (workloads)</source>
        <translation>调度与内核练习(工作负载)</translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Search lessons (title, topic, what to watch, file name)</source>
        <translation>搜索课程(标题、主题、观察要点、文件名)</translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation>分组:</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子文章</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>&lt;p&gt;No lesson matches the search.&lt;/p&gt;</source>
        <translation>&lt;p&gt;没有符合搜索的课程。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <source>What it shows</source>
        <translation>演示内容</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>观察要点</translation>
    </message>
    <message>
        <source>What to expect</source>
        <translation>预期结果</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::LessonView</name>
    <message>
        <source>No lesson open</source>
        <translation>没有打开课程</translation>
    </message>
    <message>
        <source>&lt;p&gt;Open a lesson from &lt;b&gt;Lessons&lt;/b&gt; on the toolbar: its title, what to watch and what to expect appear here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;从工具栏的&lt;b&gt;课程&lt;/b&gt;打开一节课:它的标题、观察要点和预期结果会显示在这里。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <source>What it shows</source>
        <translation>演示内容</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>观察要点</translation>
    </message>
    <message>
        <source>What to expect</source>
        <translation>预期结果</translation>
    </message>
    <message>
        <source>&lt;p&gt;This file has no lesson header (title, watch, expect).&lt;/p&gt;</source>
        <translation>&lt;p&gt;这个文件没有课程头部(title、watch、expect)。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <source>Open a workload (.json, .csv) or a Python program (.py) (Ctrl+O)</source>
        <translation>打开工作负载(.json、.csv)或 Python 程序(.py)(Ctrl+O)</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停(空格)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Step forward: one scheduler event or one tick (→)</source>
        <translation>单步前进:一个调度事件或一个时钟滴答(→)</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Step back: the previous scheduler event or tick (←)</source>
        <translation>后退一步:上一个调度事件或时钟滴答(←)</translation>
    </message>
    <message>
        <source>Run to...</source>
        <translation>运行到...</translation>
    </message>
    <message>
        <source>Play until a time (also: right-click the timeline, &quot;Run to&quot;) (Ctrl+R)</source>
        <translation>播放到指定时刻(也可在时间线上右键,选“运行到”)(Ctrl+R)</translation>
    </message>
    <message>
        <source>Run to</source>
        <translation>运行到</translation>
    </message>
    <message>
        <source>Play until the time (e.g. 120 ms, 1.5 s):</source>
        <translation>播放到时刻(例如 120 ms、1.5 s):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time; write a number with a unit, e.g. 120 ms</source>
        <translation>“%1”不是时间;请写数字加单位,例如 120 ms</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the start (Home)</source>
        <translation>回到开始(Home)</translation>
    </message>
    <message>
        <source>One scheduler event</source>
        <translation>一个调度事件</translation>
    </message>
    <message>
        <source>One time tick</source>
        <translation>一个时钟滴答</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Colour-blind-safe palette</source>
        <translation>色盲友好配色(&amp;C)</translation>
    </message>
    <message>
        <source>Pause at &amp;markers</source>
        <translation>遇到标记时暂停(&amp;M)</translation>
    </message>
    <message>
        <source>Pause on &amp;deadlock</source>
        <translation>出现死锁时暂停(&amp;D)</translation>
    </message>
    <message>
        <source>Pause on &amp;lost update</source>
        <translation>出现丢失更新时暂停(&amp;L)</translation>
    </message>
    <message>
        <source>Paused at %1: %2</source>
        <translation>暂停于 %1:%2</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>模拟</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <source>Simulated time per wall-clock second: 0.01× to 1000×</source>
        <translation>每秒真实时间对应的模拟时间:0.01× 到 1000×</translation>
    </message>
    <message>
        <source>Simulated time at the cursor / end of the run</source>
        <translation>光标处的模拟时间 / 运行结束时间</translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation>运行设置</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>模拟(&amp;S)</translation>
    </message>
    <message>
        <source>Step &amp;size</source>
        <translation>单步粒度(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Breakpoints...</source>
        <translation>断点(&amp;B)...</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Show whole run</source>
        <translation>显示整个运行(&amp;S)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;GIL lane per process</source>
        <translation>每个进程的 GIL 泳道(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The language changes the next time Taskscope starts.</source>
        <translation>语言将在下次启动 Taskscope 时生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>&amp;About Taskscope</source>
        <translation>关于 Taskscope(&amp;A)</translation>
    </message>
    <message>
        <source>About Taskscope</source>
        <translation>关于 Taskscope</translation>
    </message>
    <message>
        <source>&lt;b&gt;Taskscope %1&lt;/b&gt;&lt;br&gt;Watch how an operating system and CPython run concurrent programs: processes, states, the scheduler, cores, threads and the GIL.</source>
        <translation>&lt;b&gt;Taskscope %1&lt;/b&gt;&lt;br&gt;观察操作系统和 CPython 如何运行并发程序:进程、状态、调度器、核心、线程和全局解释器锁(GIL)。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>States</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Workload table</source>
        <translation>工作负载表</translation>
    </message>
    <message>
        <source>Sync objects</source>
        <translation>同步对象</translation>
    </message>
    <message>
        <source>Wait-for graph</source>
        <translation>等待图</translation>
    </message>
    <message>
        <source>Run events</source>
        <translation>运行事件</translation>
    </message>
    <message>
        <source>Breakpoints</source>
        <translation>断点</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Cannot open lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>%1: missing from this build</source>
        <translation>%1:此版本中没有</translation>
    </message>
    <message>
        <source>Open a program or workload</source>
        <translation>打开程序或工作负载</translation>
    </message>
    <message>
        <source>Taskscope programs (*.py *.json *.csv);;Workloads (*.json *.csv);;Python programs (*.py);;All files (*)</source>
        <translation>Taskscope 程序 (*.py *.json *.csv);;工作负载 (*.json *.csv);;Python 程序 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source> t = %1 / %2 </source>
        <translation> t = %1 / %2 </translation>
    </message>
    <message>
        <source> (computing…)</source>
        <translation> (计算中…)</translation>
    </message>
    <message>
        <source>Taskscope</source>
        <translation>Taskscope</translation>
    </message>
    <message>
        <source>%1 — Taskscope</source>
        <translation>%1 — Taskscope</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 on %n core(s)</source>
        <translation>
            <numerusform>%1:%2,%n 个核心</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)...</translation>
    </message>
    <message>
        <source>Export the timeline, a diagram or a chart as PNG, SVG or PDF (Ctrl+E)</source>
        <translation>将时间线、图示或图表导出为 PNG、SVG 或 PDF(Ctrl+E)</translation>
    </message>
    <message>
        <source>Space: play / pause
→ / ←: step forward / back
Home: reset
Ctrl+O: open
Ctrl+E: export the timeline or a view
Ctrl+R: run to a time
F11: presenter mode
Timeline: click to seek, drag to pan, Ctrl+wheel to zoom, drag the time axis to scrub</source>
        <translation>空格:播放 / 暂停
→ / ←:前进 / 后退一步
Home:重置
Ctrl+O:打开
Ctrl+E:导出时间线或某个视图
Ctrl+R:运行到某一时刻
F11:演示模式
时间线:点击定位,拖动平移,Ctrl+滚轮缩放,拖动时间轴快速浏览</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>&amp;Lessons...</source>
        <translation>课程(&amp;L)...</translation>
    </message>
    <message>
        <source>Browse the built-in lessons by seed or topic, with what each one shows (Ctrl+L)</source>
        <translation>按种子文章或主题浏览内置课程,并查看每节课演示的内容(Ctrl+L)</translation>
    </message>
    <message>
        <source>Presenter mode: full screen, large text, the timeline on most of the screen (F11; Esc leaves)</source>
        <translation>演示模式:全屏、大字体,时间线占据大部分屏幕(F11;Esc 退出)</translation>
    </message>
    <message>
        <source>Leave presenter mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <source>Reveal as it &amp;plays (hide the future)</source>
        <translation>边播放边揭示(隐藏未来)(&amp;P)</translation>
    </message>
    <message>
        <source>Show only what has happened up to the furthest point reached, so the class can guess what happens next before you step</source>
        <translation>只显示到目前播放过的最远时刻为止发生的事情,让学生在你单步之前猜一猜接下来会发生什么</translation>
    </message>
    <message>
        <source>Colour &amp;key under the timeline</source>
        <translation>时间线下方的颜色图例(&amp;K)</translation>
    </message>
    <message>
        <source>Processes with several threads</source>
        <translation>有多个线程的进程</translation>
    </message>
    <message>
        <source>Every process</source>
        <translation>所有进程</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不显示</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Deadlock at %1: %2. No thread of the cycle can go on.</source>
        <translation>%1 发生死锁:%2。环路中的线程都无法继续运行。</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::ProcessTreeView</name>
    <message numerus="yes">
        <source> ×%n threads</source>
        <translation>
            <numerusform> ×%n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <source> &lt;defunct&gt;</source>
        <translation> &lt;僵尸&gt;</translation>
    </message>
    <message>
        <source>No processes at this time</source>
        <translation>此刻没有进程</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::PsTableModel</name>
    <message>
        <source>USER</source>
        <translation>USER</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>PPID</source>
        <translation>PPID</translation>
    </message>
    <message>
        <source>STAT</source>
        <translation>STAT</translation>
    </message>
    <message>
        <source>%CPU</source>
        <translation>%CPU</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>TIME</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>COMMAND</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::RunEventsView</name>
    <message>
        <source>spawn</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>DEADLOCK</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>lost update</source>
        <translation>丢失更新</translation>
    </message>
    <message>
        <source>mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>GIL drop request</source>
        <translation>GIL 释放请求</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Click an event to move the cursor there</source>
        <translation>单击事件,把光标移到该时刻</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::SettingsPanel</name>
    <message>
        <source>FCFS (first come, first served)</source>
        <translation>FCFS(先来先服务)</translation>
    </message>
    <message>
        <source>SJF (shortest job first)</source>
        <translation>SJF(短作业优先)</translation>
    </message>
    <message>
        <source>SRTF (shortest remaining time)</source>
        <translation>SRTF(最短剩余时间优先)</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>时间片轮转(RR)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Priority, preemptive</source>
        <translation>优先级(抢占式)</translation>
    </message>
    <message>
        <source>MLFQ (multilevel feedback)</source>
        <translation>MLFQ(多级反馈队列)</translation>
    </message>
    <message>
        <source>Fair (Linux CFS-like)</source>
        <translation>公平调度(类似 Linux CFS)</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>核心数</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>调度策略</translation>
    </message>
    <message>
        <source>Time slice</source>
        <translation>时间片</translation>
    </message>
    <message>
        <source>Context switch</source>
        <translation>上下文切换</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Python programs</source>
        <translation>Python 程序</translation>
    </message>
    <message>
        <source>GIL (uncheck: free-threaded 3.13t)</source>
        <translation>GIL(取消勾选:自由线程 3.13t)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Switch interval</source>
        <translation>切换间隔</translation>
    </message>
    <message>
        <source>Start method</source>
        <translation>启动方式</translation>
    </message>
    <message>
        <source>Available when a Python program is open</source>
        <translation>打开 Python 程序时可用</translation>
    </message>
    <message>
        <source>Program defaults</source>
        <translation>程序默认值</translation>
    </message>
    <message>
        <source>Back to the settings the open file asks for</source>
        <translation>恢复为当前文件指定的设置</translation>
    </message>
    <message>
        <source>Changing a setting re-runs the program and keeps the cursor time.</source>
        <translation>修改设置会重新运行程序,并保持光标所在时刻。</translation>
    </message>
    <message>
        <source>One global interpreter lock per process: only one of its threads runs Python bytecode at a time</source>
        <translation>每个进程一个全局解释器锁:同一时刻只有它的一个线程能执行 Python 字节码</translation>
    </message>
    <message>
        <source>sys.setswitchinterval(): how long a thread waits for the GIL before it asks the holder to drop it</source>
        <translation>sys.setswitchinterval():线程等待 GIL 多久之后请求持有者释放它</translation>
    </message>
    <message>
        <source>How multiprocessing starts a child process</source>
        <translation>multiprocessing 启动子进程的方式</translation>
    </message>
    <message>
        <source>Multiplies the simulated cost of every bytecode and runtime operation (1×: calibrated against CPython 3.11)</source>
        <translation>将每条字节码和运行时操作的模拟开销乘以此倍数(1×:按 CPython 3.11 校准)</translation>
    </message>
    <message>
        <source>Cost scale</source>
        <translation>开销倍数</translation>
    </message>
    <message>
        <source>How long a thread woken by another (a lock release, a queue item, the GIL) takes to become runnable: the kernel&apos;s wake-up latency</source>
        <translation>被其他线程唤醒(释放锁、队列来了数据、GIL)的线程要过多久才能就绪:内核的唤醒延迟</translation>
    </message>
    <message>
        <source>Wake-up latency</source>
        <translation>唤醒延迟</translation>
    </message>
    <message>
        <source>How long a thread runs before round robin moves on to the next one</source>
        <translation>轮转调度切换到下一个线程之前,一个线程运行多久</translation>
    </message>
    <message>
        <source>No effect under this policy: only round robin uses a time slice</source>
        <translation>在此调度策略下不起作用:只有轮转调度使用时间片</translation>
    </message>
    <message>
        <source>No effect without the GIL (free-threaded)</source>
        <translation>没有 GIL(自由线程)时不起作用</translation>
    </message>
    <message>
        <source>e.g. 4</source>
        <translation>例如 4</translation>
    </message>
    <message>
        <source>The program&apos;s arguments, sys.argv[1:], separated by spaces (as after &quot;python3 program.py&quot;); applied when you press Enter or leave the box</source>
        <translation>程序的参数 sys.argv[1:],以空格分隔(相当于写在 &quot;python3 program.py&quot; 之后);按回车或离开输入框时生效</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>The program&apos;s header sets: %1</source>
        <translation>程序开头的设置行:%1</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::SimulationController</name>
    <message>
        <source>%1: cannot open the file (%2); check the path and permissions</source>
        <translation>%1:无法打开文件(%2);请检查路径和权限</translation>
    </message>
    <message>
        <source>marker &quot;%1&quot;</source>
        <translation>标记“%1”</translation>
    </message>
    <message>
        <source>deadlock (%1 closed the cycle)</source>
        <translation>死锁(%1 使等待形成了环)</translation>
    </message>
    <message>
        <source>lost update by %1</source>
        <translation>%1 造成丢失更新</translation>
    </message>
    <message>
        <source>%1 became %2</source>
        <translation>%1 变为 %2</translation>
    </message>
    <message>
        <source>no Python program is open; open a .py file first</source>
        <translation>没有打开 Python 程序;请先打开一个 .py 文件</translation>
    </message>
    <message>
        <source> (hint: %1)</source>
        <translation>(提示:%1)</translation>
    </message>
    <message>
        <source>%1 reached line %2</source>
        <translation>%1 到达第 %2 行</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::SpeedupChart</name>
    <message>
        <source>speed-up</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>speed-up against the first run (×)</source>
        <translation>相对第一次运行的加速比(×)</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::StatesView</name>
    <message>
        <source>Terminated</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>admit</source>
        <translation>接纳</translation>
    </message>
    <message>
        <source>dispatch</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>时间片用完</translation>
    </message>
    <message>
        <source>I/O or event wait</source>
        <translation>等待 I/O 或事件</translation>
    </message>
    <message>
        <source>I/O or event done</source>
        <translation>I/O 或事件完成</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待(阻塞)</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>T%1</source>
        <translation>T%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%6): %2 since %3&lt;br&gt;came from %4 (%5)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;(%6):自 %3 起 %2&lt;br&gt;来自 %4(%5)</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::StatsView</name>
    <message>
        <source>waiting</source>
        <translation>等待时间</translation>
    </message>
    <message>
        <source>turnaround</source>
        <translation>周转时间</translation>
    </message>
    <message>
        <source>average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Waiting and turnaround per process</source>
        <translation>每个进程的等待时间与周转时间</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>cursor</source>
        <translation>光标</translation>
    </message>
    <message>
        <source>CPU utilization per core</source>
        <translation>每个核心的 CPU 利用率</translation>
    </message>
    <message numerus="yes">
        <source>At %1: CPU %2 and waiting for the GIL %3, summed over %n thread(s)</source>
        <translation>
            <numerusform>%1 时:%n 个线程合计 CPU 时间 %2,等待 GIL %3</numerusform>
        </translation>
    </message>
    <message>
        <source>At %1: average waiting %2 over %4 arrived, average turnaround %3 over %5 finished</source>
        <translation>%1 时:已到达的 %4 个进程平均等待时间 %2,已完成的 %5 个进程平均周转时间 %3</translation>
    </message>
    <message>
        <source>waiting for the GIL</source>
        <translation>等待 GIL</translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <translation>阻塞:%1</translation>
    </message>
    <message>
        <source>Time per thread: CPU, ready, GIL, blocked (first %1 of %2)</source>
        <translation>每个线程的时间:CPU、就绪、GIL、阻塞(%2 个中的前 %1 个)</translation>
    </message>
    <message>
        <source>Time per thread: CPU, ready, GIL, blocked</source>
        <translation>每个线程的时间:CPU、就绪、GIL、阻塞</translation>
    </message>
    <message>
        <source>%1 · %2%</source>
        <translation>%1 · %2%</translation>
    </message>
    <message>
        <source>GIL wait per thread of %1 (share of the thread&apos;s time)</source>
        <translation>%1 中每个线程的 GIL 等待时间(占该线程时间的比例)</translation>
    </message>
    <message>
        <source>GIL wait per thread (share of the thread&apos;s time)</source>
        <translation>每个线程的 GIL 等待时间(占该线程时间的比例)</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source> (so far)</source>
        <translation>(进行中)</translation>
    </message>
    <message>
        <source>Phases (taskscope.mark)</source>
        <translation>各阶段耗时(taskscope.mark)</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::SyncObjectsView</name>
    <message>
        <source>Lock</source>
        <translation>锁(Lock)</translation>
    </message>
    <message>
        <source>RLock</source>
        <translation>可重入锁(RLock)</translation>
    </message>
    <message>
        <source>Semaphore</source>
        <translation>信号量(Semaphore)</translation>
    </message>
    <message>
        <source>BoundedSemaphore</source>
        <translation>有界信号量(BoundedSemaphore)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件(Event)</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件变量(Condition)</translation>
    </message>
    <message>
        <source>Barrier</source>
        <translation>栅栏(Barrier)</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列(Queue)</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>等待结束(join)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>共享值(Value)</translation>
    </message>
    <message>
        <source>This run has no locks, queues, events or shared values.
Open a lesson such as &quot;Deadlock: two locks&quot; or &quot;Bounded queue&quot; to see them here.</source>
        <translation>本次运行没有锁、队列、事件或共享值。
打开“死锁:两把锁”或“有界队列”等课程,就能在这里看到它们。</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>由 %1 持有</translation>
    </message>
    <message numerus="yes">
        <source> · %n acquisition(s)</source>
        <translation>
            <numerusform> · 获取 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 items · high-water %3</source>
        <translation>%1 / %2 项 · 最高 %3</translation>
    </message>
    <message>
        <source>%1 items (unbounded) · high-water %2</source>
        <translation>%1 项(无界)· 最高 %2</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>value %1</source>
        <translation>值 %1</translation>
    </message>
    <message>
        <source>%1 of %2 arrived</source>
        <translation>已到达 %1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for notify</source>
        <translation>
            <numerusform>%n 个在等待 notify</numerusform>
        </translation>
    </message>
    <message>
        <source>until %1 ends</source>
        <translation>直到 %1 结束</translation>
    </message>
    <message numerus="yes">
        <source>%n write(s) so far</source>
        <translation>
            <numerusform>已写入 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source> · lost updates: %1</source>
        <translation> · 丢失更新:%1</translation>
    </message>
    <message>
        <source>waiting:</source>
        <translation>等待者:</translation>
    </message>
    <message>
        <source> (pid %1)</source>
        <translation>(pid %1)</translation>
    </message>
    <message>
        <source> (%1, pid %2)</source>
        <translation>(%1,pid %2)</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::TimelineView</name>
    <message>
        <source>CPU cores</source>
        <translation>CPU 核心</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; pid %2, parent %3&lt;br&gt;created %4%5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; pid %2,父进程 %3&lt;br&gt;创建于 %4%5</translation>
    </message>
    <message>
        <source>, exited %1</source>
        <translation>,退出于 %1</translation>
    </message>
    <message>
        <source>from %1 for %2</source>
        <translation>从 %1 起,持续 %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;br&gt;&lt;i&gt;%n more slice(s) in this pixel; zoom in&lt;/i&gt;</source>
        <translation>
            <numerusform>&lt;br&gt;&lt;i&gt;此像素内还有 %n 个片段;请放大&lt;/i&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>GIL held by &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>GIL 由 &lt;b&gt;%1&lt;/b&gt; 持有&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>GIL free&lt;br&gt;%1</source>
        <translation>GIL 空闲&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>runs &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>运行 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>context switch to &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>上下文切换到 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>CPU %1 %2&lt;br&gt;%3</source>
        <translation>CPU %1 %2&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#d62728&apos;&gt;deadlock&lt;/b&gt;: waits for %1, closing the cycle</source>
        <translation>&lt;b style=&apos;color:#d62728&apos;&gt;死锁&lt;/b&gt;:等待 %1,形成了环</translation>
    </message>
    <message>
        <source>acquired %1</source>
        <translation>获得 %1</translation>
    </message>
    <message>
        <source>released %1</source>
        <translation>释放 %1</translation>
    </message>
    <message>
        <source>put an item into %1 (now %2)</source>
        <translation>向 %1 放入一项(现有 %2 项)</translation>
    </message>
    <message>
        <source>got an item from %1 (now %2)</source>
        <translation>从 %1 取出一项(现有 %2 项)</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#d62728&apos;&gt;lost update&lt;/b&gt; on %1: wrote over another thread&apos;s write</source>
        <translation>%1 上&lt;b style=&apos;color:#d62728&apos;&gt;丢失更新&lt;/b&gt;:覆盖了另一个线程的写入</translation>
    </message>
    <message>
        <source>%1 %2&lt;br&gt;</source>
        <translation>%1 %2&lt;br&gt;</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source> for %1</source>
        <translation>,等待 %1</translation>
    </message>
    <message>
        <source>, held by %1</source>
        <translation>,由 %1 持有</translation>
    </message>
    <message>
        <source> on CPU %1</source>
        <translation>,在 CPU %1 上</translation>
    </message>
    <message>
        <source>&lt;br&gt;after: %1</source>
        <translation>&lt;br&gt;原因:%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2&lt;br&gt;%3%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;:%2&lt;br&gt;%3%4</translation>
    </message>
    <message>
        <source>Run to %1</source>
        <translation>运行到 %1</translation>
    </message>
    <message>
        <source>Move cursor here</source>
        <translation>把光标移到这里</translation>
    </message>
    <message>
        <source>Show whole run</source>
        <translation>显示整个运行</translation>
    </message>
    <message>
        <source>Follow cursor</source>
        <translation>跟随光标</translation>
    </message>
    <message>
        <source>Export image...</source>
        <translation>导出图像...</translation>
    </message>
    <message>
        <source>waiting for %1 (deadlock)</source>
        <translation>等待 %1(死锁)</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::WaitForGraphView</name>
    <message>
        <source>Mutual exclusion</source>
        <translation>互斥</translation>
    </message>
    <message>
        <source>Hold and wait</source>
        <translation>占有并等待</translation>
    </message>
    <message>
        <source>No preemption</source>
        <translation>不可抢占</translation>
    </message>
    <message>
        <source>Circular wait</source>
        <translation>循环等待</translation>
    </message>
    <message>
        <source>Deadlock: all four Coffman conditions hold</source>
        <translation>死锁:Coffman 四个条件全部成立</translation>
    </message>
    <message>
        <source>Coffman conditions (a deadlock needs all four)</source>
        <translation>Coffman 条件(四个同时成立才会死锁)</translation>
    </message>
    <message>
        <source>No thread waits for or holds a lock at this instant.</source>
        <translation>此刻没有线程在等待或持有锁。</translation>
    </message>
    <message>
        <source>waits for</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>held by</source>
        <translation>被持有</translation>
    </message>
    <message>
        <source>○ thread   □ lock / object   - - waits for   — held by</source>
        <translation>○ 线程   □ 锁 / 对象   - - 等待   — 被持有</translation>
    </message>
</context>
<context>
    <name>taskscope::ui::WorkloadEditor</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <source>Bursts (CPU I/O CPU ...)</source>
        <translation>执行段(CPU I/O CPU ...)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run this table with the current run settings</source>
        <translation>用当前运行设置运行此表</translation>
    </message>
    <message>
        <source>Times in %1. Bursts alternate CPU and I/O and end with CPU.</source>
        <translation>时间单位为 %1。执行段在 CPU 与 I/O 之间交替,并以 CPU 结束。</translation>
    </message>
    <message>
        <source>arrival must be a number &gt;= 0, got &quot;%1&quot;</source>
        <translation>到达时间必须是 &gt;= 0 的数,实际为“%1”</translation>
    </message>
    <message>
        <source>give at least one CPU burst, e.g. &quot;5&quot; or &quot;5 2 3&quot;</source>
        <translation>至少给出一个 CPU 执行段,例如“5”或“5 2 3”</translation>
    </message>
    <message>
        <source>each burst must be a number &gt; 0, got &quot;%1&quot;</source>
        <translation>每个执行段必须是 &gt; 0 的数,实际为“%1”</translation>
    </message>
    <message>
        <source>bursts alternate CPU and I/O and must end with a CPU burst; add one more</source>
        <translation>执行段在 CPU 与 I/O 之间交替,且必须以 CPU 执行段结束;请再添加一个</translation>
    </message>
    <message>
        <source>priority must be a whole number, got &quot;%1&quot;</source>
        <translation>优先级必须是整数,实际为“%1”</translation>
    </message>
    <message>
        <source>add at least one process</source>
        <translation>请至少添加一个进程</translation>
    </message>
    <message>
        <source>Edited workload</source>
        <translation>编辑后的工作负载</translation>
    </message>
</context>
</TS>
