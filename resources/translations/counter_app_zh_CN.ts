<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <source>Create the administrator&apos;s account. Administrators add the other staff and change the settings; keep the PIN safe.</source>
        <translation>创建管理员账号。管理员负责添加其他员工和修改设置；请妥善保管密码。</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>创建管理员(&amp;C)</translation>
    </message>
    <message>
        <source>Sign in to carry on</source>
        <translation>登录以继续</translation>
    </message>
    <message>
        <source>The administrator was created before setup stopped. Sign in with the administrator&apos;s PIN to finish setting up.</source>
        <translation>设置中断前已创建管理员。请用管理员密码登录，完成设置。</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Staff &amp;ID</source>
        <translation>员工编号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>再次输入密码(&amp;A)</translation>
    </message>
    <message>
        <source>4 to 12 digits (not all one digit, not a run such as 1234), or a password of 8 to 64 characters.</source>
        <translation>4 到 12 位数字（不能全是同一数字，也不能是 1234 这样的连续数字），或 8 到 64 个字符的密码。</translation>
    </message>
    <message>
        <source>The two PINs differ; type them again.</source>
        <translation>两次输入的密码不一致；请重新输入。</translation>
    </message>
    <message>
        <source>Creating the administrator…</source>
        <translation>正在创建管理员…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Audit entry {seq} was edited after it was written.</source>
        <translation>审计记录 {seq} 在写入后被修改过。</translation>
    </message>
    <message>
        <source>Audit entry {seq} was deleted.</source>
        <translation>审计记录 {seq} 被删除了。</translation>
    </message>
    <message>
        <source>Audit entry {seq} was inserted behind the desk&apos;s back.</source>
        <translation>审计记录 {seq} 是绕过服务台私自插入的。</translation>
    </message>
    <message>
        <source>The audit log is intact: {count} entries checked.</source>
        <translation>审计日志完整：已核对 {count} 条记录。</translation>
    </message>
    <message>
        <source>The audit log&apos;s head record (naming entry {seq}) was written without the desk&apos;s key: the newest entries may have been cut.</source>
        <translation>审计日志的头记录（指向第 {seq} 条）不是用本服务台的密钥写入的：最新的记录可能已被删去。</translation>
    </message>
    <message>
        <source>The audit log ends at entry {last}, but the central server acknowledged entries up to {acknowledged}: the newest entries were cut.</source>
        <translation>审计日志止于第 {last} 条，但中央服务器已确认到第 {acknowledged} 条：最新的记录被删去了。</translation>
    </message>
    <message>
        <source>Audit entry {seq} is not the entry the central server acknowledged: the log was rewritten.</source>
        <translation>审计记录 {seq} 与中央服务器确认的记录不符：日志被改写过。</translation>
    </message>
    <message>
        <source>The desk&apos;s record of what the central server acknowledged (entry {seq}) was written without the desk&apos;s key.</source>
        <translation>本服务台保存的中央服务器确认记录（第 {seq} 条）不是用本服务台的密钥写入的。</translation>
    </message>
    <message>
        <source>The central server refused this desk&apos;s audit log at entry {seq}: it does not continue the entries it acknowledged (up to {acknowledged}); review item {review_id}.</source>
        <translation>中央服务器在第 {seq} 条拒收了本服务台的审计日志：它没有接续服务器已确认的记录（到第 {acknowledged} 条为止）；待审核事项 {review_id}。</translation>
    </message>
    <message>
        <source>The central server acknowledged entries up to {seq}.</source>
        <translation>中央服务器已确认到第 {seq} 条。</translation>
    </message>
    <message>
        <source>The central server has acknowledged no entry of this desk yet.</source>
        <translation>中央服务器尚未确认本服务台的任何审计记录。</translation>
    </message>
    <message>
        <source>The central server could not be asked; checked here only. The last head it acknowledged, as known here: entry {seq} ({at}).</source>
        <translation>无法联系中央服务器，仅在本机核对。本机所知服务器最后确认的是第 {seq} 条（{at}）。</translation>
    </message>
    <message>
        <source>The central server could not be asked; checked here only. It has acknowledged no entry yet.</source>
        <translation>无法联系中央服务器，仅在本机核对。服务器尚未确认任何记录。</translation>
    </message>
</context>
<context>
    <name>CameraCheck</name>
    <message>
        <source>The camera&apos;s number (0 is the first), a device path such as /dev/video0, or a video file</source>
        <translation>摄像头编号（0 为第一个）、设备路径（如 /dev/video0）或视频文件</translation>
    </message>
    <message>
        <source>Test ca&amp;mera</source>
        <translation>测试摄像头(&amp;M)</translation>
    </message>
    <message>
        <source>Start or stop the camera and hold a member&apos;s code up to it (Alt+M)</source>
        <translation>开启或关闭摄像头，并将会员码对准摄像头（Alt+M）</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>摄像头已关闭</translation>
    </message>
    <message>
        <source>0 for the first camera, 1 for the second, a device path (/dev/video0) or a video file. Empty: no camera; the handheld scanner still works.</source>
        <translation>0 为第一个摄像头，1 为第二个，也可填设备路径（/dev/video0）或视频文件。留空：不用摄像头；扫码枪仍可使用。</translation>
    </message>
    <message>
        <source>Type the camera first: 0 for the first camera.</source>
        <translation>请先填写摄像头：第一个摄像头填 0。</translation>
    </message>
    <message>
        <source>Starting the camera %1… Hold a member&apos;s code up to it.</source>
        <translation>正在启动摄像头 %1… 请将会员码对准摄像头。</translation>
    </message>
    <message>
        <source>The camera stopped before it read a code. Press Test camera and hold a code steady about 20 cm away.</source>
        <translation>摄像头在识别到码之前就停止了。请点击“测试摄像头”，并将码稳定地放在约 20 厘米处。</translation>
    </message>
    <message>
        <source>Stop ca&amp;mera</source>
        <translation>停止摄像头(&amp;M)</translation>
    </message>
    <message>
        <source>The camera works: it read %1.</source>
        <translation>摄像头工作正常：已识别%1。</translation>
    </message>
    <message>
        <source>No camera: members are scanned with the handheld scanner or looked up by phone.</source>
        <translation>不用摄像头：用扫码枪扫描会员码，或按手机号查找会员。</translation>
    </message>
    <message>
        <source>Press Test camera and hold a member&apos;s code up to it.</source>
        <translation>请点击“测试摄像头”，并将会员码对准摄像头。</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Type the camera (0 is the first), press Test camera and hold a member&apos;s code up to it. A counter with a handheld scanner only skips this.</source>
        <translation>填写摄像头（0 为第一个），点击“测试摄像头”，并将会员码对准摄像头。只用扫码枪的服务台可跳过此步。</translation>
    </message>
    <message>
        <source>S&amp;kip: handheld scanner only</source>
        <translation>跳过：只用扫码枪(&amp;K)</translation>
    </message>
    <message>
        <source>Type the camera (0 for the first one), or tick “Skip: handheld scanner only”.</source>
        <translation>请填写摄像头（第一个填 0），或勾选“跳过：只用扫码枪”。</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>Camera  F8</source>
        <translation>摄像头  F8</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>摄像头已关闭</translation>
    </message>
    <message>
        <source>No camera is set up; choose one in the settings (camera). The handheld scanner works meanwhile.</source>
        <translation>尚未设置摄像头；请在设置中选择（camera）。在此之前可使用扫码枪。</translation>
    </message>
</context>
<context>
    <name>CameraWorker</name>
    <message>
        <source>No camera at “%1”. Check the cable or the camera setting; the handheld scanner and the search box still work.</source>
        <translation>“%1”处没有摄像头。请检查连线或摄像头设置；扫码枪和搜索框仍可使用。</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures (unplugged?). Plug it in again and press Camera; scanning with the handheld scanner still works.</source>
        <translation>摄像头没有画面了（被拔出？）。请重新插好并点击“摄像头”；扫码枪仍可使用。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>a date as YYYY-MM-DD</source>
        <translation>日期，格式 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>12-month spend</source>
        <translation>近12个月消费</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>No member found.</source>
        <translation>没有找到会员。</translation>
    </message>
    <message>
        <source>More members match; type more of the name or number.</source>
        <translation>还有更多会员符合；请输入更多姓名或号码以缩小范围。</translation>
    </message>
    <message>
        <source>The local store is ready: {path}</source>
        <translation>本地数据库已就绪：{path}</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>Operations waiting to sync</source>
        <translation>待同步操作</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>{count} demo members added.</source>
        <translation>已添加 {count} 位演示会员。</translation>
    </message>
    <message>
        <source>Key {fingerprint} written to {path}. Keep it offline; anyone with it and the data folder can read phone numbers.</source>
        <translation>密钥 {fingerprint} 已写入 {path}。请离线妥善保管；持有它和数据文件夹的人可以读取手机号。</translation>
    </message>
    <message>
        <source>The catalog is empty.</source>
        <translation>礼品目录为空。</translation>
    </message>
    <message>
        <source>{sku} × {qty} for {points} points; balance {balance}, {stock} left in stock.</source>
        <translation>{sku} × {qty}，扣 {points} 积分；余额 {balance}，库存剩 {stock}。</translation>
    </message>
    <message>
        <source>Birthday gift: {points} points; balance {balance}.</source>
        <translation>生日礼：{points} 积分；余额 {balance}。</translation>
    </message>
    <message>
        <source>Nothing waits for approval.</source>
        <translation>没有待审批的申请。</translation>
    </message>
    <message>
        <source>Request {approval_id} approved and carried out.</source>
        <translation>申请 {approval_id} 已批准并执行。</translation>
    </message>
    <message>
        <source>Request {approval_id} rejected.</source>
        <translation>申请 {approval_id} 已驳回。</translation>
    </message>
    <message>
        <source>Enrolled with {server}: store {store}, counter no. {counter_no}.</source>
        <translation>已在 {server} 登记：门店 {store}，服务台编号 {counter_no}。</translation>
    </message>
    <message>
        <source>Report saved to {path}.</source>
        <translation>报表已保存到 {path}。</translation>
    </message>
    <message>
        <source>{title}, {start} to {end}</source>
        <translation>{title}，{start} 至 {end}</translation>
    </message>
    <message>
        <source>(nothing in this period)</source>
        <translation>（该期间无数据）</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>copy {n}</source>
        <translation>副本 {n}</translation>
    </message>
    <message>
        <source>No receipt waits for the printer.</source>
        <translation>没有等待打印的小票。</translation>
    </message>
    <message>
        <source>Print job {job_id} cancelled; reprint it from the history when needed.</source>
        <translation>打印任务 {job_id} 已取消；需要时可从记录重打。</translation>
    </message>
    <message>
        <source>{printed} printed, {waiting} waiting.</source>
        <translation>已打印 {printed} 张，等待 {waiting} 张。</translation>
    </message>
    <message>
        <source>The receipt did not print yet and waits in the queue as job {job_id}: {advice}</source>
        <translation>小票尚未打印，已作为任务 {job_id} 在队列中等待：{advice}</translation>
    </message>
    <message>
        <source>Done, but the receipt was not queued: {reason}</source>
        <translation>已完成，但小票未能加入打印队列：{reason}</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Nothing to review.</source>
        <translation>没有待复核的事项。</translation>
    </message>
    <message>
        <source>Coupon {code}: {title}, {status}.</source>
        <translation>优惠券 {code}：{title}，{status}。</translation>
    </message>
    <message>
        <source>Not a code: search for it with member search.</source>
        <translation>这不是会员码：请用会员搜索查找。</translation>
    </message>
    <message>
        <source>member code</source>
        <translation>会员码</translation>
    </message>
    <message>
        <source>printed card (limited redemption)</source>
        <translation>实体卡（兑换受限）</translation>
    </message>
    <message>
        <source>event ticket</source>
        <translation>活动票</translation>
    </message>
    <message>
        <source>Pushed {pushed} (applied {applied}, refused {rejected}, waiting {held}); pulled {pulled} changes.</source>
        <translation>已上传 {pushed} 笔（生效 {applied}，被拒 {rejected}，等待 {held}）；已下载 {pulled} 项变更。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock differs from the server&apos;s by {seconds} s; set the clock right.</source>
        <translation>本机时钟与服务器相差 {seconds} 秒，请校准时钟。</translation>
    </message>
    <message>
        <source>Not enrolled: this counter works on its own.</source>
        <translation>未登记：本服务台单机运行。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Oldest waiting</source>
        <translation>最早待同步</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Review items</source>
        <translation>待复核事项</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>最近的问题</translation>
    </message>
    <message>
        <source>Offline redemption</source>
        <translation>离线兑换</translation>
    </message>
    <message>
        <source>up to {per_member} points per member, {left} left at this counter, until {until}</source>
        <translation>每位会员最多 {per_member} 积分，本台剩余 {left}，截止 {until}</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>differs from the server&apos;s by {seconds} s; set the clock right</source>
        <translation>与服务器相差 {seconds} 秒，请校准时钟</translation>
    </message>
    <message>
        <source>Member registered.</source>
        <translation>会员登记成功。</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>资料已保存。</translation>
    </message>
    <message>
        <source>Member data written to {path}; hand it over securely.</source>
        <translation>会员数据已写入 {path}；请安全地交付。</translation>
    </message>
    <message>
        <source>Personal data of member {member_no} erased.</source>
        <translation>会员 {member_no} 的个人信息已删除。</translation>
    </message>
    <message>
        <source>No profile changes yet.</source>
        <translation>资料尚无修改记录。</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>非会员</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>answer by {when}</source>
        <translation>答复时限 {when}</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Ticket no.</source>
        <translation>受理单号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Answer promised by</source>
        <translation>答复时限</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Conflict between counters:</source>
        <translation>服务台之间的冲突：</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>处理记录：</translation>
    </message>
    <message>
        <source>not applied</source>
        <translation>未生效</translation>
    </message>
    <message>
        <source>Compensation:</source>
        <translation>补偿：</translation>
    </message>
    <message>
        <source>Complaint {ticket} taken; the answer is promised by {when}.</source>
        <translation>已登记投诉 {ticket}；承诺于 {when} 前答复。</translation>
    </message>
    <message>
        <source>No complaints.</source>
        <translation>暂无投诉。</translation>
    </message>
    <message>
        <source>No compensation waits for a manager.</source>
        <translation>没有待主管审批的补偿。</translation>
    </message>
    <message>
        <source>Compensation {request} approved.</source>
        <translation>补偿 {request} 已批准。</translation>
    </message>
    <message>
        <source>Compensation {request} rejected.</source>
        <translation>补偿 {request} 已驳回。</translation>
    </message>
    <message>
        <source>compensation for the complaint</source>
        <translation>投诉补偿</translation>
    </message>
    <message>
        <source>Complaint {ticket}: {state}.</source>
        <translation>投诉 {ticket}：{state}。</translation>
    </message>
    <message>
        <source>Compensation {kind}:{value} requested; a manager decides it: complaint decide {request}</source>
        <translation>已申请补偿 {kind}:{value}；由主管审批：complaint decide {request}</translation>
    </message>
    <message>
        <source>No coupons.</source>
        <translation>暂无优惠券。</translation>
    </message>
    <message>
        <source>Coupon {code} written off: ¥{value} off.</source>
        <translation>优惠券 {code} 已核销：减 ¥{value}。</translation>
    </message>
    <message>
        <source>Coupon {code} issued for {points} points; balance {balance}.</source>
        <translation>已发放优惠券 {code}，扣 {points} 积分；余额 {balance}。</translation>
    </message>
    <message>
        <source>Coupon type {type} saved.</source>
        <translation>优惠券类型 {type} 已保存。</translation>
    </message>
    <message>
        <source>{points} points earned; balance {balance}, tier {tier}.</source>
        <translation>获得 {points} 积分；余额 {balance}，等级 {tier}。</translation>
    </message>
    <message>
        <source>Upgraded to {tier}!</source>
        <translation>已升级为 {tier}！</translation>
    </message>
    <message>
        <source>{points} points paid out as ¥{yuan}; balance {balance}.</source>
        <translation>{points} 积分已抵现 ¥{yuan}；余额 {balance}。</translation>
    </message>
    <message>
        <source>No points yet.</source>
        <translation>暂无积分记录。</translation>
    </message>
    <message>
        <source>Operation {op_id} voided; balance {balance}.</source>
        <translation>操作 {op_id} 已撤销；余额 {balance}。</translation>
    </message>
    <message>
        <source>{points} points given from {giver} to {receiver}; balances {giver_balance} and {receiver_balance}.</source>
        <translation>{giver} 已赠予 {receiver} {points} 积分；双方余额 {giver_balance} 和 {receiver_balance}。</translation>
    </message>
    <message>
        <source>{points} points expired; {members} members moved down a tier at their anniversary.</source>
        <translation>{points} 积分已过期；{members} 位会员在等级周年时降级。</translation>
    </message>
    <message>
        <source>answer due {when}</source>
        <translation>答复时限 {when}</translation>
    </message>
    <message>
        <source>{ref} approved.</source>
        <translation>{ref} 已批准。</translation>
    </message>
    <message>
        <source>{ref} rejected.</source>
        <translation>{ref} 已驳回。</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>check-in open</source>
        <translation>签到中</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
    <message>
        <source>{places} signed up, {checked} checked in</source>
        <translation>已报名 {places}，已签到 {checked}</translation>
    </message>
    <message>
        <source>Event set up:</source>
        <translation>活动已创建：</translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation>暂无活动。</translation>
    </message>
    <message>
        <source>Member {member_no} signed up for {event}.</source>
        <translation>会员 {member_no} 已报名活动 {event}。</translation>
    </message>
    <message>
        <source>{left} places left.</source>
        <translation>剩余名额 {left} 个。</translation>
    </message>
    <message>
        <source>Member {member_no} checked in at {event}: {points} points, balance {balance}.</source>
        <translation>会员 {member_no} 已在活动 {event} 签到：获得 {points} 积分，余额 {balance}。</translation>
    </message>
    <message>
        <source>Not signed up before: signed up at the door.</source>
        <translation>此前未报名：已现场报名。</translation>
    </message>
    <message>
        <source>PIN for {staff_id}: </source>
        <translation>{staff_id} 的密码：</translation>
    </message>
    <message>
        <source>Staff account {staff_id} ({role}) added.</source>
        <translation>员工账号 {staff_id}（{role}）已添加。</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>New PIN for {staff_id}: </source>
        <translation>{staff_id} 的新密码：</translation>
    </message>
    <message>
        <source>Staff account {staff_id} changed.</source>
        <translation>员工账号 {staff_id} 已修改。</translation>
    </message>
    <message>
        <source>Again: </source>
        <translation>再输一次：</translation>
    </message>
    <message>
        <source>Manager {staff_id}&apos;s PIN: </source>
        <translation>主管 {staff_id} 的密码：</translation>
    </message>
    <message>
        <source>Key {fingerprint} restored; the desk can open its store again.</source>
        <translation>密钥 {fingerprint} 已恢复；服务台可以重新打开数据库。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing more was changed. Details are in {log}.</source>
        <translation>发生意外错误，未做任何更改。详细信息见 {log}。</translation>
    </message>
    <message>
        <source>No screen to show the desk on: start it from a desktop session, or use the command line (counter-app --help).</source>
        <translation>没有可显示服务台的屏幕：请在桌面环境中启动，或使用命令行（counter-app --help）。</translation>
    </message>
</context>
<context>
    <name>ComplaintActionDialog</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Back to the complaint, nothing changed</source>
        <translation>返回投诉，不做任何更改</translation>
    </message>
</context>
<context>
    <name>ComplaintDetail</name>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Answer promised by</source>
        <translation>答复时限</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Root cause · satisfaction</source>
        <translation>根本原因 · 满意度</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <source>Record (newest first)</source>
        <translation>处理记录（最新在前）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Tell the customer the complaint was received: the first answer, which stops the clock</source>
        <translation>告知顾客投诉已收到：即首次答复，答复时限随之停止计时</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Work on it starts</source>
        <translation>开始处理此投诉</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Resolved, with its root cause</source>
        <translation>标记为已解决，并填写根本原因</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>关闭…</translation>
    </message>
    <message>
        <source>Closed with the customer&apos;s satisfaction, 1 to 5</source>
        <translation>关闭投诉，并记录顾客满意度（1 到 5）</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>升级…</translation>
    </message>
    <message>
        <source>Hand it to a manager, with the reason</source>
        <translation>转交主管处理，并说明原因</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>What was said or done</source>
        <translation>记录沟通内容或处理措施</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>指派…</translation>
    </message>
    <message>
        <source>Hand it to a staff member of this desk</source>
        <translation>转交本服务台的员工负责</translation>
    </message>
    <message>
        <source>Compensation…</source>
        <translation>补偿…</translation>
    </message>
    <message>
        <source>Ask a manager for points, a coupon or a gift for the customer</source>
        <translation>为顾客向主管申请积分、优惠券或礼品补偿</translation>
    </message>
    <message>
        <source>Ticket…</source>
        <translation>受理单…</translation>
    </message>
    <message>
        <source>The customer&apos;s complaint ticket as it prints; print it again from there</source>
        <translation>查看顾客的投诉受理单（与打印效果一致），可在其中重打</translation>
    </message>
    <message>
        <source>No complaint selected</source>
        <translation>未选择投诉</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Two counters disagree about this complaint: %1</source>
        <translation>两个服务台对此投诉的记录不一致：%1</translation>
    </message>
    <message>
        <source>%1 (walk-in)</source>
        <translation>%1（非会员）</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1，经办人 %2</translation>
    </message>
    <message>
        <source>escalated: %1</source>
        <translation>已升级：%1</translation>
    </message>
    <message>
        <source>%1 (not applied)</source>
        <translation>%1（未生效）</translation>
    </message>
    <message>
        <source>%1 · counter %2</source>
        <translation>%1 · %2 号服务台</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新处理</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Try again.</source>
        <translation>发生意外错误，未做任何更改。请重试。</translation>
    </message>
    <message>
        <source>%1 acknowledged: the customer has had the first answer.</source>
        <translation>%1 已受理：已给予顾客首次答复。</translation>
    </message>
    <message>
        <source>%1 reopened.</source>
        <translation>%1 已重新开始处理。</translation>
    </message>
    <message>
        <source>Work on %1 started.</source>
        <translation>已开始处理 %1。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Why does a manager take this complaint over? The reason goes into its record.</source>
        <translation>为什么要由主管接手此投诉？原因会记入投诉记录。</translation>
    </message>
    <message>
        <source>%1 escalated to a manager.</source>
        <translation>%1 已升级给主管。</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>What was said or done:</source>
        <translation>沟通内容或处理措施：</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Note added to %1.</source>
        <translation>已为 %1 添加备注。</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>The staff ID of the person who answers for it from now on (e.g. S012):</source>
        <translation>今后负责此投诉的员工编号（例如 S012）：</translation>
    </message>
    <message>
        <source>%1 assigned.</source>
        <translation>%1 已指派。</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>What caused it? The root cause goes into the chain&apos;s reports.</source>
        <translation>是什么原因造成的？根本原因会计入集团报表。</translation>
    </message>
    <message>
        <source>Optional: what was done</source>
        <translation>选填：采取了哪些措施</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>%1 resolved.</source>
        <translation>%1 已解决。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>How satisfied is the customer with the outcome? Ask them: 1 very unhappy … 5 very happy (keys 1 to 5).</source>
        <translation>顾客对处理结果是否满意？请询问顾客：1 非常不满意 … 5 非常满意（按键 1 到 5）。</translation>
    </message>
    <message>
        <source>The customer&apos;s satisfaction: %1 of 5</source>
        <translation>顾客满意度：%1 / 5</translation>
    </message>
    <message>
        <source>Optional: what the customer said</source>
        <translation>选填：顾客的反馈</translation>
    </message>
    <message>
        <source>%1 closed.</source>
        <translation>%1 已关闭。</translation>
    </message>
    <message>
        <source>Ask for compensation</source>
        <translation>申请补偿</translation>
    </message>
    <message>
        <source>A manager decides in their queue (Ctrl+M). At most %1 points by the chain&apos;s rules.</source>
        <translation>由主管在待审批事项中审批（Ctrl+M）。按集团规定最多 %1 积分。</translation>
    </message>
    <message>
        <source>Ask a manager</source>
        <translation>提交主管</translation>
    </message>
    <message>
        <source>Points, a coupon type (C10) or a gift code (G-UMB)</source>
        <translation>积分数、优惠券类型（C10）或礼品编码（G-UMB）</translation>
    </message>
    <message>
        <source>Why, in a sentence</source>
        <translation>原因（一句话）</translation>
    </message>
    <message>
        <source>As</source>
        <translation>补偿方式</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Compensation for %1 waits for a manager (Ctrl+M).</source>
        <translation>%1 的补偿申请待主管审批（Ctrl+M）。</translation>
    </message>
</context>
<context>
    <name>ComplaintIntakeDialog</name>
    <message>
        <source>Take a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>From member %1 · %2 · %3</source>
        <translation>会员 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>From a walk-in customer (not a member): a name and a phone for the callback are optional.</source>
        <translation>非会员顾客投诉：姓名和回访电话可不填。</translation>
    </message>
    <message>
        <source>Optional: the shop or place, e.g. 优衣库 3F</source>
        <translation>选填：商户或地点，例如 优衣库 3F</translation>
    </message>
    <message>
        <source>What happened, in the customer&apos;s words</source>
        <translation>按顾客原话记录事情经过</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Optional: a mobile number for the callback</source>
        <translation>选填：回访用的手机号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Customer&apos;s name</source>
        <translation>顾客姓名</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Tab  next field  ·  Enter  take the complaint  ·  Shift+Enter  new line  ·  Esc  cancel</source>
        <translation>Tab 下一项  ·  Enter 登记投诉  ·  Shift+Enter 换行  ·  Esc 取消</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close without taking the complaint</source>
        <translation>关闭，不登记投诉</translation>
    </message>
    <message>
        <source>Take complaint and print ticket</source>
        <translation>登记投诉并打印受理单</translation>
    </message>
    <message>
        <source>Take the complaint and print the customer&apos;s ticket</source>
        <translation>登记投诉并为顾客打印受理单</translation>
    </message>
    <message>
        <source>The customer is promised an answer within %1 hours; the ticket says by when.</source>
        <translation>承诺在 %1 小时内答复顾客；受理单上印有答复时限。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was saved. Try again.</source>
        <translation>发生意外错误，未保存任何内容。请重试。</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Response speed</source>
        <translation>响应速度</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后处理</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>商品质量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Staff conduct</source>
        <translation>员工行为</translation>
    </message>
    <message>
        <source>Process or policy</source>
        <translation>流程或制度</translation>
    </message>
    <message>
        <source>Product defect</source>
        <translation>商品缺陷</translation>
    </message>
    <message>
        <source>Pricing error</source>
        <translation>标价错误</translation>
    </message>
    <message>
        <source>Facility or environment</source>
        <translation>设施或环境</translation>
    </message>
    <message>
        <source>Misunderstanding</source>
        <translation>误解</translation>
    </message>
    <message>
        <source>Third party (tenant, supplier)</source>
        <translation>第三方（商户、供应商）</translation>
    </message>
    <message>
        <source>Other cause</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待受理</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已指派</translation>
    </message>
    <message>
        <source>Compensation requested</source>
        <translation>申请补偿</translation>
    </message>
    <message>
        <source>Compensation decided</source>
        <translation>补偿已审批</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>waiting for a manager</source>
        <translation>待主管审批</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>Answer late</source>
        <translation>答复超时</translation>
    </message>
    <message>
        <source>Answered in time</source>
        <translation>按时答复</translation>
    </message>
    <message>
        <source>Counter {first_counter}: {first}; counter {second_counter}: {second} — both from {state}. The later one ({second}) stands; check the outcome with both counters.</source>
        <translation>{first_counter} 号服务台：{first}；{second_counter} 号服务台：{second}——均基于“{state}”状态。以较晚的操作（{second}）为准；请与两个服务台核对结果。</translation>
    </message>
    <message>
        <source>Counter {first_counter}: {first}; counter {second_counter}: {second} — both from {state}. {second} was not applied (not possible after {first}); check with both counters.</source>
        <translation>{first_counter} 号服务台：{first}；{second_counter} 号服务台：{second}——均基于“{state}”状态。{second} 未生效（{first} 之后不能再执行）；请与两个服务台核对。</translation>
    </message>
    <message>
        <source>Compensation request {request} was decided at counter {first_counter} and again at counter {second_counter}; the first decision stands. Check the member&apos;s points and coupons for a double compensation.</source>
        <translation>补偿申请 {request} 先在 {first_counter} 号服务台审批，又在 {second_counter} 号服务台再次审批；以第一次审批为准。请检查会员的积分和优惠券，确认是否重复补偿。</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>ComplaintsDialog</name>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Only complaints past their answer promise</source>
        <translation>仅显示已超过答复时限的投诉</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Every complaint still open</source>
        <translation>所有未结投诉</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Every complaint, closed ones too</source>
        <translation>所有投诉，包括已关闭的</translation>
    </message>
    <message>
        <source>Walk-in complaint…</source>
        <translation>非会员投诉…</translation>
    </message>
    <message>
        <source>Take a complaint from a customer who is not a member</source>
        <translation>登记非会员顾客的投诉</translation>
    </message>
    <message>
        <source>↑↓  choose  ·  F5  refresh  ·  Esc  close</source>
        <translation>↑↓ 选择  ·  F5 刷新  ·  Esc 关闭</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the complaints</source>
        <translation>关闭投诉列表</translation>
    </message>
    <message>
        <source>%1 shown · %2 overdue</source>
        <translation>显示 %1 条 · %2 条已超时</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>显示 %1 条</translation>
    </message>
    <message>
        <source>No complaint is overdue: every customer was answered within the promise.</source>
        <translation>没有已超时的投诉：所有顾客都在答复时限内得到了答复。</translation>
    </message>
    <message>
        <source>No open complaints.</source>
        <translation>没有未结投诉。</translation>
    </message>
    <message>
        <source>No complaints have been taken at this desk yet.</source>
        <translation>本服务台尚未登记过投诉。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; try again.</source>
        <translation>发生意外错误；请重试。</translation>
    </message>
</context>
<context>
    <name>ComplaintsModel</name>
    <message>
        <source>Answered in time</source>
        <translation>按时答复</translation>
    </message>
    <message>
        <source>Answered late</source>
        <translation>超时答复</translation>
    </message>
    <message>
        <source>Late by %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Walk-in customer</source>
        <translation>非会员顾客</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>答复时限</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>受理单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 · answer promised by %2</source>
        <translation>%1 · 答复时限 %2</translation>
    </message>
    <message>
        <source>%1 · taken %2</source>
        <translation>%1 · 登记于 %2</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Something unexpected went wrong at the desk.</source>
        <translation>服务台发生了意外错误。</translation>
    </message>
    <message>
        <source>Your last completed operation is saved. Check the screen: if what you were doing is not shown as done, do it again. If this keeps happening, click &quot;Copy diagnostics&quot; and send the text to support.</source>
        <translation>您最后完成的操作已保存。请查看屏幕：如果刚才的操作没有显示为已完成，请重新操作。如果问题反复出现，请点击“复制诊断信息”，并把内容发送给技术支持。</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>复制诊断信息</translation>
    </message>
    <message>
        <source>Show log</source>
        <translation>查看日志</translation>
    </message>
    <message>
        <source>This happened %1 times; each time is in the log.</source>
        <translation>此问题已发生 %1 次；每次都记录在日志中。</translation>
    </message>
    <message>
        <source>The diagnostics could not be gathered; click &quot;Show log&quot; and read it to support instead.</source>
        <translation>无法收集诊断信息；请点击“查看日志”，并把日志内容告诉技术支持。</translation>
    </message>
    <message>
        <source>Diagnostics copied: paste them into your message to support.</source>
        <translation>诊断信息已复制：请粘贴到发给技术支持的消息中。</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <source>No Chinese font found: install fonts-noto-cjk so names show correctly.</source>
        <translation>未找到中文字体：请安装 fonts-noto-cjk，否则姓名无法正确显示。</translation>
    </message>
    <message>
        <source>Member Service Desk</source>
        <translation>会员服务台</translation>
    </message>
    <message>
        <source>Could not write %1; check the folder exists and can be written.</source>
        <translation>无法写入 %1；请确认文件夹存在且可写。</translation>
    </message>
</context>
<context>
    <name>DeviceChecks</name>
    <message>
        <source>Ready: the printer at %1 answers and has paper.</source>
        <translation>就绪：%1 的打印机有响应，且有纸。</translation>
    </message>
    <message>
        <source>Connected to %1; this printer cannot report paper or cover, so print a test page to be sure.</source>
        <translation>已连接 %1；此打印机无法报告纸张和机盖状态，请打印测试页确认。</translation>
    </message>
    <message>
        <source>Out of paper — load a roll into the printer at %1.</source>
        <translation>缺纸——请为 %1 的打印机装入纸卷。</translation>
    </message>
    <message>
        <source>The cover of the printer at %1 is open — close it.</source>
        <translation>%1 的打印机机盖未合上——请合上。</translation>
    </message>
    <message>
        <source>The printer at %1 is offline: check its power and its error light.</source>
        <translation>%1 的打印机离线：请检查电源和故障指示灯。</translation>
    </message>
    <message>
        <source>Cannot reach %1; check the cable and the address, and that the printer is on.</source>
        <translation>连不上 %1：请检查线缆和地址，并确认打印机已开机。</translation>
    </message>
    <message>
        <source>The printer at %1 does not answer; switch it off and on again.</source>
        <translation>%1 的打印机无响应：请关机再开机。</translation>
    </message>
    <message>
        <source>a member&apos;s code from the phone</source>
        <translation>手机上的会员码</translation>
    </message>
    <message>
        <source>a printed member card</source>
        <translation>实体会员卡</translation>
    </message>
    <message>
        <source>a coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>an event ticket</source>
        <translation>活动票</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; try again, and see the log if it happens again.</source>
        <translation>发生意外错误；请重试，如再次出现请查看日志。</translation>
    </message>
    <message>
        <source>a code of another system</source>
        <translation>其他系统的码</translation>
    </message>
    <message>
        <source>plain text of %1 characters (a printed barcode or a phone number)</source>
        <translation>%1 个字符的纯文本（印刷条码或手机号）</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>The desk is ready</source>
        <translation>服务台已就绪</translation>
    </message>
    <message>
        <source>Check what was set, then press Finish (Enter) to open the desk, signed in as the administrator.</source>
        <translation>请检查以下设置，然后点击“完成”（Enter）打开服务台，并以管理员身份登录。</translation>
    </message>
    <message>
        <source>This counter</source>
        <translation>本服务台</translation>
    </message>
    <message>
        <source>Keys to know</source>
        <translation>常用快捷键</translation>
    </message>
    <message>
        <source>Register a member</source>
        <translation>登记会员</translation>
    </message>
    <message>
        <source>Points for a purchase</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <source>Take a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Lock the desk when you step away</source>
        <translation>离开时锁定服务台</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>门店：%1</translation>
    </message>
    <message>
        <source>Counter: %1 (number %2)</source>
        <translation>服务台：%1（编号 %2）</translation>
    </message>
    <message>
        <source>Administrator: %1 %2</source>
        <translation>管理员：%1 %2</translation>
    </message>
    <message>
        <source>Central server: %1 (store %2)</source>
        <translation>中心服务器：%1（门店 %2）</translation>
    </message>
    <message>
        <source>Central server: standalone</source>
        <translation>中心服务器：单机运行</translation>
    </message>
    <message>
        <source>Printer: %1, %2 mm paper</source>
        <translation>打印机：%1，%2 毫米纸</translation>
    </message>
    <message>
        <source>Printer: none</source>
        <translation>打印机：无</translation>
    </message>
    <message>
        <source>Camera: %1</source>
        <translation>摄像头：%1</translation>
    </message>
    <message>
        <source>Camera: none (handheld scanner only)</source>
        <translation>摄像头：无（只用扫码枪）</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>EarnDialog</name>
    <message>
        <source>Earn points from a slip</source>
        <translation>小票积分</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 1234.50</source>
        <translation>金额（元），例如 1234.50</translation>
    </message>
    <message>
        <source>Scan or type the slip number</source>
        <translation>扫描或输入小票号</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <source>Slip no.</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Add points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Close without adding points</source>
        <translation>关闭，不积分</translation>
    </message>
    <message>
        <source>Add the points from this slip</source>
        <translation>按此小票积分</translation>
    </message>
    <message>
        <source>%1 points earned; balance %2, %3.</source>
        <translation>获得 %1 积分；余额 %2，%3。</translation>
    </message>
    <message>
        <source>Upgraded to %1!</source>
        <translation>已升级为 %1！</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{count} fields need correcting: {first}</source>
        <translation>有 {count} 项需要修改：{first}</translation>
    </message>
    <message>
        <source>{variable} holds something that is not text (bytes that are not UTF-8); set it again.</source>
        <translation>{variable} 含有非文本内容（非 UTF-8 字节）；请重新设置。</translation>
    </message>
    <message>
        <source>--limit must be between 1 and 1000.</source>
        <translation>--limit 必须在 1 到 1000 之间。</translation>
    </message>
    <message>
        <source>Name the member (phone or member number), or say --walk-in for a customer who is not a member.</source>
        <translation>请指明会员（手机号或会员号）；非会员顾客请用 --walk-in。</translation>
    </message>
    <message>
        <source>Say whom the complaint goes to: --to STAFF_ID.</source>
        <translation>请指明由谁负责此投诉：--to STAFF_ID。</translation>
    </message>
    <message>
        <source>The first account on a new desk must be an administrator (--role admin).</source>
        <translation>新服务台的第一个账号必须是管理员（--role admin）。</translation>
    </message>
    <message>
        <source>Use --enable or --disable, not both.</source>
        <translation>--enable 和 --disable 只能选一个。</translation>
    </message>
    <message>
        <source>No terminal to ask for the PIN on: put it in {variable}.</source>
        <translation>没有终端可以输入密码：请把密码放在 {variable} 中。</translation>
    </message>
    <message>
        <source>The two PINs differ; nothing was changed.</source>
        <translation>两次输入的密码不一致；未做任何更改。</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file name.</source>
        <translation>{path} 已存在；请另选一个文件名。</translation>
    </message>
    <message>
        <source>{path} cannot be written ({reason}).</source>
        <translation>无法写入 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>Name the receipt: an operation id, or --job N.</source>
        <translation>请指明小票：业务编号，或 --job N。</translation>
    </message>
    <message>
        <source>Sign in first: this needs a staff member at the desk.</source>
        <translation>请先登录：此操作需要服务台员工身份。</translation>
    </message>
    <message>
        <source>Give either --code (the member is here) or --override-reason (a manager vouches), not both.</source>
        <translation>请只给出 --code（会员在场）或 --override-reason（经理担保）其中之一，不要同时给出。</translation>
    </message>
    <message>
        <source>There is no setting called {key}; the settings are: {keys}.</source>
        <translation>没有名为 {key} 的设置；可用的设置有：{keys}。</translation>
    </message>
    <message>
        <source>The setting {key} must be {rule}; “{value}” is not.</source>
        <translation>设置 {key} 的取值应为 {rule}；“{value}”不符合。</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read ({reason}); fix it or delete it to start from the defaults.</source>
        <translation>无法读取设置文件 {path}（{reason}）；请修正该文件，或删除它以恢复默认设置。</translation>
    </message>
    <message>
        <source>The rules file {path} cannot be read ({reason}).</source>
        <translation>无法读取规则文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The desk cannot write its data file {path}: it is read-only. Ask IT to give the desk write access to that folder, or choose another data folder with --data-dir.</source>
        <translation>服务台无法写入数据文件 {path}：该文件为只读。请联系IT开放该文件夹的写权限，或用 --data-dir 选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>The data file {path} is damaged or is not a desk database. It was left untouched; restore it from a backup or choose another data folder with --data-dir.</source>
        <translation>数据文件 {path} 已损坏或不是服务台数据库。该文件未被改动；请从备份恢复，或用 --data-dir 选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>Another program is writing to the desk&apos;s data file {path}; wait a moment and try again.</source>
        <translation>另一个程序正在写入数据文件 {path}；请稍候再试。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full; free some space and try again.</source>
        <translation>{path} 所在磁盘已满；请清理空间后重试。</translation>
    </message>
    <message>
        <source>The desk&apos;s data file {path} could not be used ({reason}).</source>
        <translation>无法使用服务台数据文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be created ({reason}); choose another one with --data-dir.</source>
        <translation>无法创建数据文件夹 {path}（{reason}）；请用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
        <source>The data file {path} has lost the record of its data key; restore the file from a backup. Nothing was changed.</source>
        <translation>数据文件 {path} 丢失了数据密钥的记录；请从备份恢复该文件。未做任何更改。</translation>
    </message>
    <message>
        <source>The data file {path} was written by a newer version of the desk; install that version (or newer) to open it.</source>
        <translation>数据文件 {path} 由更新版本的服务台写入；请安装该版本（或更新版本）后再打开。</translation>
    </message>
    <message>
        <source>Enter the member&apos;s mobile number.</source>
        <translation>请输入会员手机号。</translation>
    </message>
    <message>
        <source>A mobile number has only digits; remove the letters or symbols.</source>
        <translation>手机号只能包含数字；请删除字母或符号。</translation>
    </message>
    <message>
        <source>This is not a phone number: enter the 11-digit mobile number, e.g. 13800138000.</source>
        <translation>这不是电话号码：请输入11位手机号，例如 13800138000。</translation>
    </message>
    <message>
        <source>Only mainland China mobile numbers (+86) can be registered; this number is from {region}.</source>
        <translation>仅支持中国大陆手机号（+86）登记；该号码属于 {region}。</translation>
    </message>
    <message>
        <source>This is a landline number; register the member&apos;s mobile number.</source>
        <translation>这是固定电话号码；请登记会员的手机号。</translation>
    </message>
    <message>
        <source>The mobile number is too short: it has {count} digits, it needs 11.</source>
        <translation>手机号位数不足：现有 {count} 位，应为 11 位。</translation>
    </message>
    <message>
        <source>The mobile number is too long: it has {count} digits, it needs 11.</source>
        <translation>手机号位数过多：现有 {count} 位，应为 11 位。</translation>
    </message>
    <message>
        <source>{digits} is not a mainland mobile number; check the digits.</source>
        <translation>{digits} 不是有效的大陆手机号；请核对号码。</translation>
    </message>
    <message>
        <source>Enter the member&apos;s name.</source>
        <translation>请输入会员姓名。</translation>
    </message>
    <message>
        <source>The name is too long: at most {limit} characters, this one has {count}.</source>
        <translation>姓名过长：最多 {limit} 个字符，当前为 {count} 个。</translation>
    </message>
    <message>
        <source>A name may contain only letters, spaces and · . &apos; -; remove “{char}”.</source>
        <translation>姓名只能包含文字、空格及 · . &apos; -；请删除“{char}”。</translation>
    </message>
    <message>
        <source>Gender is F (female) or M (male), or leave it empty.</source>
        <translation>性别请填 F（女）或 M（男），或留空。</translation>
    </message>
    <message>
        <source>Enter the birthday as YYYY-MM-DD, e.g. 1990-05-17.</source>
        <translation>生日请按 年-月-日 填写，例如 1990-05-17。</translation>
    </message>
    <message>
        <source>{text} is not a date on the calendar; check the month and day.</source>
        <translation>{text} 不是有效日期；请核对月份和日期。</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation>生日不能晚于今天。</translation>
    </message>
    <message>
        <source>The birthday cannot be before 1900-01-01; check the year.</source>
        <translation>生日不能早于 1900-01-01；请核对年份。</translation>
    </message>
    <message>
        <source>The ID number&apos;s check character is wrong; check every digit and the last character.</source>
        <translation>身份证号校验位不正确；请逐位核对，特别是最后一位。</translation>
    </message>
    <message>
        <source>A resident ID number has 18 characters: 17 digits, then a digit or X.</source>
        <translation>居民身份证号为18位：17位数字加1位数字或X。</translation>
    </message>
    <message>
        <source>The ID number holds an impossible birth date or region; check it against the card.</source>
        <translation>身份证号中的出生日期或地区码无效；请对照证件核对。</translation>
    </message>
    <message>
        <source>The birthday differs from the one in the ID number ({born}); correct one of them.</source>
        <translation>生日与身份证号中的出生日期（{born}）不一致；请更正其中之一。</translation>
    </message>
    <message>
        <source>The member must agree to the privacy notice before registering.</source>
        <translation>会员须同意隐私政策后才能登记。</translation>
    </message>
    <message>
        <source>The search text is too long; type at most {limit} characters.</source>
        <translation>搜索内容过长；最多输入 {limit} 个字符。</translation>
    </message>
    <message>
        <source>No member number has this check digit; check the digits on the card.</source>
        <translation>会员号校验位不正确；请核对会员卡上的号码。</translation>
    </message>
    <message>
        <source>A member number is M followed by 12 digits; check the card.</source>
        <translation>会员号为 M 加 12 位数字；请核对会员卡。</translation>
    </message>
    <message>
        <source>Type the last 4 digits of the phone, or the whole phone or member number.</source>
        <translation>请输入手机号后4位，或完整的手机号、会员号。</translation>
    </message>
    <message>
        <source>Type a phone number, member number, name or pinyin initials.</source>
        <translation>请输入手机号、会员号、姓名或拼音首字母。</translation>
    </message>
    <message>
        <source>This desk is enrolled with the central server; demo members are only for a desk on its own (use a new data folder).</source>
        <translation>本服务台已在中心服务器登记；演示会员只用于单机服务台（请使用新的数据文件夹）。</translation>
    </message>
    <message>
        <source>The number of demo members must be between 1 and {limit}.</source>
        <translation>演示会员数量必须在 1 到 {limit} 之间。</translation>
    </message>
    <message>
        <source>“{ref}” is neither a mobile number nor a member number (M and 12 digits).</source>
        <translation>“{ref}”既不是手机号，也不是会员号（M 加 12 位数字）。</translation>
    </message>
    <message>
        <source>No member has the phone or member number {ref}; check it, or register the member.</source>
        <translation>没有手机号或会员号为 {ref} 的会员；请核对，或为其登记新会员。</translation>
    </message>
    <message>
        <source>The result limit must be at least 1.</source>
        <translation>结果数量上限至少为 1。</translation>
    </message>
    <message>
        <source>This phone is already registered: member {member_no}.</source>
        <translation>该手机号已注册，会员号 {member_no}。</translation>
    </message>
    <message>
        <source>No member has the phone or member number {ref}; check the referrer.</source>
        <translation>没有手机号或会员号为 {ref} 的会员；请核对推荐人。</translation>
    </message>
    <message>
        <source>Changing a member&apos;s phone number (their member ID) needs a manager&apos;s authority.</source>
        <translation>更改会员手机号（即会员统一编号）需要主管授权。</translation>
    </message>
    <message>
        <source>The data key of this store (fingerprint {fingerprint}) is missing from the keyring and from {path}. Restore it from the key backup with: counter-app key import FILE. Nothing was changed; without the key, phone and ID numbers cannot be read.</source>
        <translation>本数据库的数据密钥（指纹 {fingerprint}）在系统密钥环和 {path} 中都找不到。请用密钥备份恢复：counter-app key import 文件。未做任何更改；没有密钥将无法读取手机号和身份证号。</translation>
    </message>
    <message>
        <source>The key backup {path} cannot be read ({reason}).</source>
        <translation>无法读取密钥备份 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>{path} is not a desk key backup.</source>
        <translation>{path} 不是服务台的密钥备份。</translation>
    </message>
    <message>
        <source>A sealed value in the store does not open with this store&apos;s key: the file was altered or the wrong key restored. Call support; nothing was changed.</source>
        <translation>数据库中的加密数据无法用本库密钥解开：文件被改动，或恢复了错误的密钥。请联系技术支持；未做任何更改。</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file name for the key backup.</source>
        <translation>{path} 已存在；请为密钥备份另选一个文件名。</translation>
    </message>
    <message>
        <source>The key backup {path} cannot be written ({reason}).</source>
        <translation>无法写入密钥备份 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>There is no desk store in {path}; check --data-dir.</source>
        <translation>{path} 中没有服务台数据库；请检查 --data-dir。</translation>
    </message>
    <message>
        <source>That key belongs to another store (fingerprint {found}, this store needs {needed}); nothing was changed.</source>
        <translation>该密钥属于另一个数据库（指纹 {found}，本库需要 {needed}）；未做任何更改。</translation>
    </message>
    <message>
        <source>A staff ID is 2 to 20 letters, digits, dots, dashes or underscores, e.g. S012.</source>
        <translation>员工编号为 2 到 20 位字母、数字、点、横线或下划线，例如 S012。</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits.</source>
        <translation>数字密码为 4 到 12 位。</translation>
    </message>
    <message>
        <source>That PIN is too easy to guess (all one digit, or a run); choose another.</source>
        <translation>该密码太容易被猜到（同一数字或连续数字）；请换一个。</translation>
    </message>
    <message>
        <source>Use a PIN of 4 to 12 digits, or a password of 8 to 64 characters.</source>
        <translation>请使用 4 到 12 位数字密码，或 8 到 64 个字符的密码。</translation>
    </message>
    <message>
        <source>The role is one of: cashier, clerk, manager, admin.</source>
        <translation>角色只能是：cashier（收银员）、clerk（服务台职员）、manager（主管）、admin（管理员）。</translation>
    </message>
    <message>
        <source>This member has earned no points yet, so there is no receipt to show; give --member of one who has.</source>
        <translation>该会员还没有积分记录，没有小票可显示；请用 --member 指定有积分记录的会员。</translation>
    </message>
    <message>
        <source>This page shows a member, and the desk has none yet: register one, or run demo-data first.</source>
        <translation>此页面要显示一位会员，但本服务台还没有会员：请先登记一位会员，或先运行 demo-data。</translation>
    </message>
    <message>
        <source>This page shows member data: give --staff, with the PIN in COUNTER_PIN.</source>
        <translation>此页面显示会员数据：请提供 --staff，并把密码放在 COUNTER_PIN 中。</translation>
    </message>
    <message>
        <source>Held for a manager&apos;s approval as request {approval_id}; nothing is changed until a manager approves it.</source>
        <translation>已提交主管审批，申请号 {approval_id}；主管批准前不会做任何更改。</translation>
    </message>
    <message>
        <source>{action} cannot wait for approval; ask a manager to do it now.</source>
        <translation>{action} 不能排队审批；请主管现场处理。</translation>
    </message>
    <message>
        <source>There is no approval request {approval_id}.</source>
        <translation>没有编号为 {approval_id} 的审批申请。</translation>
    </message>
    <message>
        <source>Request {approval_id} was already carried out as operation {op_id}; it is closed and cannot run again.</source>
        <translation>申请 {approval_id} 已作为操作 {op_id} 执行，该申请已关闭，不能再次执行。</translation>
    </message>
    <message>
        <source>Request {approval_id} was {status} already.</source>
        <translation>申请 {approval_id} 已经处理过（{status}）。</translation>
    </message>
    <message>
        <source>Give a reason for the rejection; the requester will see it.</source>
        <translation>请填写驳回理由；申请人会看到。</translation>
    </message>
    <message>
        <source>This desk has staff accounts already; an administrator adds new ones after signing in.</source>
        <translation>本服务台已有员工账号；请管理员登录后添加新账号。</translation>
    </message>
    <message>
        <source>Staff ID {staff_id} is taken; choose another.</source>
        <translation>员工编号 {staff_id} 已被使用；请另选一个。</translation>
    </message>
    <message>
        <source>You cannot disable or demote your own account; ask another administrator.</source>
        <translation>不能停用或降级自己的账号；请另一位管理员操作。</translation>
    </message>
    <message>
        <source>There is no staff member {staff_id}.</source>
        <translation>没有员工 {staff_id}。</translation>
    </message>
    <message>
        <source>Unknown staff ID or wrong PIN; try again.</source>
        <translation>员工编号或密码不正确；请重试。</translation>
    </message>
    <message>
        <source>Account {staff_id} is disabled; sign in with another account.</source>
        <translation>账号 {staff_id} 已停用；请用其他账号登录。</translation>
    </message>
    <message>
        <source>Account {staff_id} is locked after {attempts} wrong PINs until {until}; wait, or ask an administrator to unlock it.</source>
        <translation>账号 {staff_id} 因连续 {attempts} 次密码错误已锁定至 {until}；请等待，或请管理员解锁。</translation>
    </message>
    <message>
        <source>{staff_id} may not authorise this either; ask a manager.</source>
        <translation>{staff_id} 也无权批准此操作；请找主管。</translation>
    </message>
    <message>
        <source>Sign in first: this needs a staff member at the desk (on the command line: --staff ID, PIN in COUNTER_PIN).</source>
        <translation>请先登录：此操作需要服务台员工身份（命令行：--staff 编号，密码放在 COUNTER_PIN 中）。</translation>
    </message>
    <message>
        <source>Your role may not do this; a manager can authorise it.</source>
        <translation>您的角色无权执行此操作；可请主管授权。</translation>
    </message>
    <message>
        <source>Only an administrator may do this.</source>
        <translation>只有管理员可以执行此操作。</translation>
    </message>
    <message>
        <source>The central server does not know {staff} as an active manager of this store, so it shows no full numbers; ask head office to check the account.</source>
        <translation>总部服务器不认可 {staff} 为本店在职经理，因此不显示完整号码；请联系总部核实该账号。</translation>
    </message>
    <message>
        <source>The central server refused to show the full numbers: {reason}</source>
        <translation>中心服务器拒绝显示完整号码：{reason}</translation>
    </message>
    <message>
        <source>This member was registered at another counter: their full phone and ID number are kept only at the central server, which cannot be reached now. Ask again when the counter is online.</source>
        <translation>该会员在其他服务台登记：其完整手机号和身份证号只保存在总部服务器（中心服务器），目前无法连接。请在本服务台联网后再试。</translation>
    </message>
    <message>
        <source>Give the reason for the erasure (e.g. the member&apos;s request of today).</source>
        <translation>请填写删除理由（例如：会员今日申请）。</translation>
    </message>
    <message>
        <source>The reason is too long: at most {limit} characters.</source>
        <translation>理由过长：最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Member {member_no}&apos;s personal data was erased already, on {when}.</source>
        <translation>会员 {member_no} 的个人信息已于 {when} 删除。</translation>
    </message>
    <message>
        <source>Enter the amount in yuan, e.g. 1234.50.</source>
        <translation>请输入以元为单位的金额，例如 1234.50。</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>An amount has at most two decimals (fen).</source>
        <translation>金额最多两位小数（到分）。</translation>
    </message>
    <message>
        <source>The amount is too large for one slip (at most ¥9,999,999.99); check it.</source>
        <translation>单张小票金额过大（最多 ¥9,999,999.99）；请核对。</translation>
    </message>
    <message>
        <source>In an amount a comma only separates thousands (1,250.00); the fen follow a point, e.g. 12.50.</source>
        <translation>金额中的逗号只用于分隔千位（如 1,250.00）；角分写在小数点后，例如 12.50。</translation>
    </message>
    <message>
        <source>Points are a whole number, e.g. 800.</source>
        <translation>积分须为整数，例如 800。</translation>
    </message>
    <message>
        <source>In points a comma only separates thousands, e.g. 1,600.</source>
        <translation>积分中的逗号只用于分隔千位，例如 1,600。</translation>
    </message>
    <message>
        <source>The points must be more than zero.</source>
        <translation>积分必须大于零。</translation>
    </message>
    <message>
        <source>That is more points than any member holds; check the number.</source>
        <translation>积分数超出任何会员的持有量；请核对。</translation>
    </message>
    <message>
        <source>A slip number is 1 to 40 letters, digits, - _ or /, as printed on the slip.</source>
        <translation>小票号为 1 到 40 位字母、数字、- _ 或 /，与小票上印的一致。</translation>
    </message>
    <message>
        <source>Rules file: {key} = {value} is not valid; it must be {expected}.</source>
        <translation>规则文件：{key} = {value} 无效；应为 {expected}。</translation>
    </message>
    <message>
        <source>Rules file: {key} is missing.</source>
        <translation>规则文件缺少 {key}。</translation>
    </message>
    <message>
        <source>The rules file is not valid TOML: {reason}.</source>
        <translation>规则文件不是有效的 TOML：{reason}。</translation>
    </message>
    <message>
        <source>Rules file: tier thresholds overlap; silver &lt; gold &lt; diamond is needed, got {values}.</source>
        <translation>规则文件：等级门槛重叠；须满足 银卡 &lt; 金卡 &lt; 钻石卡，当前为 {values}。</translation>
    </message>
    <message>
        <source>Give the slip&apos;s time with its UTC offset, e.g. 2026-11-23T14:05+08:00.</source>
        <translation>小票时间请带时区，例如 2026-11-23T14:05+08:00。</translation>
    </message>
    <message>
        <source>The slip&apos;s time is in the future; check the date and the counter&apos;s clock.</source>
        <translation>小票时间晚于现在；请核对日期和服务台时钟。</translation>
    </message>
    <message>
        <source>The slip is older than {days} days; it cannot earn points any more.</source>
        <translation>小票已超过 {days} 天，不能再积分。</translation>
    </message>
    <message>
        <source>“{value}” is not a complaint category; choose one of: {allowed}.</source>
        <translation>“{value}”不是投诉类别；请从以下选择：{allowed}。</translation>
    </message>
    <message>
        <source>“{value}” is not a severity; choose one of: {allowed}.</source>
        <translation>“{value}”不是有效的严重程度；请从以下选择：{allowed}。</translation>
    </message>
    <message>
        <source>A resolved complaint needs its root cause; choose one of: {allowed}.</source>
        <translation>解决投诉须填写根本原因；请从以下选择：{allowed}。</translation>
    </message>
    <message>
        <source>“{value}” is not a root cause; choose one of: {allowed}.</source>
        <translation>“{value}”不是有效的根本原因；请从以下选择：{allowed}。</translation>
    </message>
    <message>
        <source>Closing a complaint needs the customer&apos;s satisfaction rating, 1 to 5; ask the customer.</source>
        <translation>关闭投诉须填写顾客满意度（1 到 5）；请询问顾客。</translation>
    </message>
    <message>
        <source>The rating is a whole number from 1 to 5, not “{value}”.</source>
        <translation>满意度须为 1 到 5 的整数，不能是“{value}”。</translation>
    </message>
    <message>
        <source>Write down what happened, in the customer&apos;s words.</source>
        <translation>请按顾客原话记录事情经过。</translation>
    </message>
    <message>
        <source>The description is too long: at most {limit} characters, this one has {count}; shorten it.</source>
        <translation>描述过长：最多 {limit} 个字符，当前为 {count} 个；请精简。</translation>
    </message>
    <message>
        <source>Write the note (what was said or done).</source>
        <translation>请填写备注（沟通内容或处理措施）。</translation>
    </message>
    <message>
        <source>The text is too long: at most {limit} characters, this one has {count}; shorten it.</source>
        <translation>内容过长：最多 {limit} 个字符，当前为 {count} 个；请精简。</translation>
    </message>
    <message>
        <source>Give the reason; it goes into the complaint&apos;s record and the audit log.</source>
        <translation>请填写原因；原因会记入投诉记录和审计日志。</translation>
    </message>
    <message>
        <source>The reason is too long: at most {limit} characters, this one has {count}; shorten it.</source>
        <translation>原因过长：最多 {limit} 个字符，当前为 {count} 个；请精简。</translation>
    </message>
    <message>
        <source>The shop name is too long: at most 40 characters.</source>
        <translation>商户名称过长：最多 40 个字符。</translation>
    </message>
    <message>
        <source>Compensation is points:N, coupon:TYPE or gift:SKU; “{value}” is none of them.</source>
        <translation>补偿格式为 points:N、coupon:TYPE 或 gift:SKU；“{value}”都不符合。</translation>
    </message>
    <message>
        <source>Compensation points are a whole number from 1 to {limit}.</source>
        <translation>补偿积分须为 1 到 {limit} 的整数。</translation>
    </message>
    <message>
        <source>Compensation is at most {limit} points by the chain&apos;s rules; ask for {limit} or less, or offer a coupon or gift.</source>
        <translation>按集团规定，补偿最多 {limit} 积分；请申请 {limit} 积分以内，或改为补偿优惠券或礼品。</translation>
    </message>
    <message>
        <source>A coupon type or gift code is 1 to 20 letters, digits, - or _.</source>
        <translation>优惠券类型或礼品编码为 1 到 20 位字母、数字、- 或 _。</translation>
    </message>
    <message>
        <source>The complaint is closed ({current} → {wanted} is not possible); a new complaint can be opened instead.</source>
        <translation>该投诉已关闭（不能 {current} → {wanted}）；可另行登记新投诉。</translation>
    </message>
    <message>
        <source>A complaint cannot go from {current} to {wanted} ({current} → {wanted}); from {current} it can go to: {allowed}.</source>
        <translation>投诉不能从“{current}”变为“{wanted}”（{current} → {wanted}）；“{current}”状态只能变为：{allowed}。</translation>
    </message>
    <message>
        <source>Give the slip&apos;s time as 2026-11-23T14:05+08:00.</source>
        <translation>小票时间格式为 2026-11-23T14:05+08:00。</translation>
    </message>
    <message>
        <source>Held for a manager&apos;s check ({reason}) as request {approval_id}; no points are added until a manager approves.</source>
        <translation>已提交主管复核（{reason}），申请号 {approval_id}；主管批准前不会增加积分。</translation>
    </message>
    <message>
        <source>Member {member_no}&apos;s data was erased; they cannot earn points.</source>
        <translation>会员 {member_no} 的资料已删除，不能积分。</translation>
    </message>
    <message>
        <source>Slip {slip} earned points already on {when} (operation {op_id}).</source>
        <translation>小票 {slip} 已于 {when} 积过分（操作号 {op_id}）。</translation>
    </message>
    <message>
        <source>Points become cash in steps of {ratio} (¥1); {points} is not one: {lower} or {upper}?</source>
        <translation>积分抵现须为 {ratio} 的整数倍（¥1）；{points} 不符合：改为 {lower} 或 {upper}？</translation>
    </message>
    <message>
        <source>Redeeming more than {limit} points needs a manager.</source>
        <translation>兑换超过 {limit} 积分需要主管授权。</translation>
    </message>
    <message>
        <source>Member {member_no} has {balance} points; {points} cannot be redeemed.</source>
        <translation>会员 {member_no} 只有 {balance} 积分；不能兑换 {points}。</translation>
    </message>
    <message>
        <source>Points as cash need the member&apos;s phone code or ID, not the printed card; ask for either, or redeem a gift instead.</source>
        <translation>积分抵现需要会员手机上的会员码或身份证件，实体卡不行；请出示其一，或改为兑换礼品。</translation>
    </message>
    <message>
        <source>On the printed card alone a member redeems at most {limit} points a day ({spent} already today); ask for the phone code or ID for more.</source>
        <translation>仅凭实体卡每天最多兑换 {limit} 积分（今天已兑换 {spent}）；如需更多，请出示手机会员码或身份证件。</translation>
    </message>
    <message>
        <source>One gift is at most {limit} points.</source>
        <translation>单次赠送最多 {limit} 积分。</translation>
    </message>
    <message>
        <source>A member cannot give points to themselves; scan the friend&apos;s code.</source>
        <translation>会员不能赠积分给自己；请扫描好友的会员码。</translation>
    </message>
    <message>
        <source>Member {member_no}&apos;s data was erased; they cannot receive points.</source>
        <translation>会员 {member_no} 的资料已删除，不能接收积分。</translation>
    </message>
    <message>
        <source>Member {member_no} may give {left} more points today (limit {limit} a day).</source>
        <translation>会员 {member_no} 今天还可赠送 {left} 积分（每天上限 {limit}）。</translation>
    </message>
    <message>
        <source>Member {member_no} has no birthday on file; add it to the profile first.</source>
        <translation>会员 {member_no} 未登记生日；请先在资料中补充。</translation>
    </message>
    <message>
        <source>The birthday gift is claimed in the birthday month ({month}); come back then.</source>
        <translation>生日礼须在生日月份（{month} 月）领取；届时再来。</translation>
    </message>
    <message>
        <source>Member {member_no}&apos;s birthday was changed on {when}; a birthday changed this year gives its gift from next year.</source>
        <translation>会员 {member_no} 的生日于 {when} 修改过；今年修改的生日从明年起才能领取生日礼。</translation>
    </message>
    <message>
        <source>This year&apos;s birthday gift was given on {when}.</source>
        <translation>今年的生日礼已于 {when} 领取。</translation>
    </message>
    <message>
        <source>An event code is 1 to 20 characters, as on the event&apos;s check-in sheet.</source>
        <translation>活动编码为 1 到 20 个字符，与活动签到表一致。</translation>
    </message>
    <message>
        <source>There is no event {event}; activity points are given for an event on the list only.</source>
        <translation>没有活动 {event}；活动积分只发给活动列表中的活动。</translation>
    </message>
    <message>
        <source>Member {member_no} has not checked in at {event}; activity points come with the check-in.</source>
        <translation>会员 {member_no} 未在活动 {event} 签到；活动积分随签到发放。</translation>
    </message>
    <message>
        <source>Member {member_no} checked in at {event} already, on {when}.</source>
        <translation>会员 {member_no} 已于 {when} 在活动 {event} 签到过。</translation>
    </message>
    <message>
        <source>A coupon code starts with CP; scan the coupon&apos;s QR or type the code under it.</source>
        <translation>优惠券码以 CP 开头；请扫描券上的二维码或输入下方的券码。</translation>
    </message>
    <message>
        <source>A coupon code is CP and 13 letters or digits, e.g. CP-4F7K-9QXD-M2ZA-7; check it.</source>
        <translation>优惠券码为 CP 加 13 位字母或数字，例如 CP-4F7K-9QXD-M2ZA-7；请核对。</translation>
    </message>
    <message>
        <source>That coupon code is mistyped (its check character does not match); check each character.</source>
        <translation>优惠券码输入有误（校验位不符）；请逐位核对。</translation>
    </message>
    <message>
        <source>Give a name of 1 to {limit} characters.</source>
        <translation>名称须为 1 到 {limit} 个字符。</translation>
    </message>
    <message>
        <source>A code is 1 to 20 letters, digits, - or _.</source>
        <translation>编码为 1 到 20 位字母、数字、- 或 _。</translation>
    </message>
    <message>
        <source>Add between 0 and 100000 to the stock; stock is never taken away here.</source>
        <translation>补货数量为 0 到 100000；此处不能减少库存。</translation>
    </message>
    <message>
        <source>A new gift needs a name and its points.</source>
        <translation>新礼品需要名称和所需积分。</translation>
    </message>
    <message>
        <source>Redeem 1 to {limit} at a time.</source>
        <translation>每次兑换 1 到 {limit} 件。</translation>
    </message>
    <message>
        <source>“{ticket}” is not a complaint ticket number; it looks like C-20261123-0001-001 (on the customer&apos;s ticket).</source>
        <translation>“{ticket}”不是投诉受理单号；单号格式如 C-20261123-0001-001（见顾客的受理单）。</translation>
    </message>
    <message>
        <source>No complaint has the ticket number {ticket}; check it (complaint list), or it was taken at another counter not yet synced.</source>
        <translation>没有受理单号为 {ticket} 的投诉；请核对（complaint list），或该投诉由其他尚未同步的服务台登记。</translation>
    </message>
    <message>
        <source>“{value}” is not a complaint state; choose one of: {allowed}.</source>
        <translation>“{value}”不是投诉状态；请从以下选择：{allowed}。</translation>
    </message>
    <message>
        <source>Complaint {ticket} has no root cause recorded; resolve it with its root cause first.</source>
        <translation>投诉 {ticket} 尚未记录根本原因；请先填写根本原因并标记为已解决。</translation>
    </message>
    <message>
        <source>Complaint {ticket} is closed; open a new complaint for anything further.</source>
        <translation>投诉 {ticket} 已关闭；如有后续问题，请登记新投诉。</translation>
    </message>
    <message>
        <source>There is no active staff member {staff_id} at this desk; check the ID (staff list).</source>
        <translation>本服务台没有启用中的员工 {staff_id}；请核对编号（staff list）。</translation>
    </message>
    <message>
        <source>This complaint is from a walk-in customer, who has no member account for points or coupons; offer a gift instead.</source>
        <translation>此投诉来自非会员顾客，没有会员账户可接收积分或优惠券；请改为补偿礼品。</translation>
    </message>
    <message>
        <source>Coupon type {type_code} is not allowed as compensation by the chain&apos;s rules; allowed: {allowed}.</source>
        <translation>按集团规定，优惠券类型 {type_code} 不能用作补偿；允许的类型：{allowed}。</translation>
    </message>
    <message>
        <source>There is no gift {sku} in the catalog; check the code (counter-app gift list).</source>
        <translation>礼品目录中没有 {sku}；请核对编码（counter-app gift list）。</translation>
    </message>
    <message>
        <source>“{request}” is not a compensation request id; copy it from the list of compensations (at least 8 characters).</source>
        <translation>“{request}”不是补偿申请编号；请从补偿列表中复制（至少 8 个字符）。</translation>
    </message>
    <message>
        <source>No compensation request has the id {request}; check it (complaint compensations), or sync first.</source>
        <translation>没有编号为 {request} 的补偿申请；请核对（complaint compensations），或先同步。</translation>
    </message>
    <message>
        <source>Compensation request {request} was {verdict} already by {staff} on {when}; it is not decided twice.</source>
        <translation>补偿申请 {request} 已由 {staff} 于 {when} 审批（{verdict}）；不能重复审批。</translation>
    </message>
    <message>
        <source>Compensation is at most {limit} points by the chain&apos;s rules; reject this request and ask for {limit} or less.</source>
        <translation>按集团规定，补偿最多 {limit} 积分；请驳回此申请，并重新申请 {limit} 积分以内。</translation>
    </message>
    <message>
        <source>The complaint&apos;s member is not at this counter yet; sync, then decide again.</source>
        <translation>该投诉的会员尚未同步到本服务台；请先同步，再重新审批。</translation>
    </message>
    <message>
        <source>{name} is out of stock here; reject the request and ask for another gift, or add stock first.</source>
        <translation>本服务台 {name} 已无库存；请驳回申请并改申请其他礼品，或先补货。</translation>
    </message>
    <message>
        <source>Only {stock} of {name} left; choose fewer or another gift.</source>
        <translation>{name} 只剩 {stock} 件；请减少数量或换一件礼品。</translation>
    </message>
    <message>
        <source>The minimum spend must be at least the coupon&apos;s value.</source>
        <translation>最低消费不能低于优惠券面值。</translation>
    </message>
    <message>
        <source>A coupon is valid for 1 to 3650 days.</source>
        <translation>优惠券有效期为 1 到 3650 天。</translation>
    </message>
    <message>
        <source>There is no coupon {type_code}; check the code.</source>
        <translation>没有优惠券类型 {type_code}；请核对编码。</translation>
    </message>
    <message>
        <source>No coupon has the code {code}; check it, or it was issued at another counter not yet synced.</source>
        <translation>没有券码为 {code} 的优惠券；请核对，或该券由其他尚未同步的服务台发放。</translation>
    </message>
    <message>
        <source>Coupon {code} was used already on {when} at counter {counter} by {staff}.</source>
        <translation>优惠券 {code} 已于 {when} 在服务台 {counter} 由 {staff} 核销。</translation>
    </message>
    <message>
        <source>Coupon {code} was withdrawn ({status}); it cannot be used.</source>
        <translation>优惠券 {code} 已作废（{status}），不能使用。</translation>
    </message>
    <message>
        <source>Coupon {code} expired on {date}.</source>
        <translation>优惠券 {code} 已于 {date} 过期。</translation>
    </message>
    <message>
        <source>Coupon {code} needs a spend of at least ¥{minimum}; this one is ¥{spend}.</source>
        <translation>优惠券 {code} 需消费满 ¥{minimum}；本次消费 ¥{spend}。</translation>
    </message>
    <message>
        <source>Give the reason for the void; it goes into the audit log.</source>
        <translation>请填写撤销理由；理由会记入审计日志。</translation>
    </message>
    <message>
        <source>There is no operation {op_id}; copy it from the receipt or the points history.</source>
        <translation>没有操作号 {op_id}；请从小票或积分记录中复制。</translation>
    </message>
    <message>
        <source>A {kind} entry cannot be voided.</source>
        <translation>{kind} 类记录不能撤销。</translation>
    </message>
    <message>
        <source>Operation {op_id} was voided already on {when}.</source>
        <translation>操作 {op_id} 已于 {when} 撤销过。</translation>
    </message>
    <message>
        <source>Operation {op_id} is from {when}; only the last {days} days can be voided.</source>
        <translation>操作 {op_id} 发生于 {when}；只能撤销最近 {days} 天内的操作。</translation>
    </message>
    <message>
        <source>The member has spent those points (balance {balance}, the operation gave {points}); it cannot be voided.</source>
        <translation>会员已用掉这些积分（余额 {balance}，该操作给了 {points}）；不能撤销。</translation>
    </message>
    <message>
        <source>The coupon bought with these points was used already; the redemption cannot be voided.</source>
        <translation>用这些积分兑换的优惠券已核销；该兑换不能撤销。</translation>
    </message>
    <message>
        <source>The central server now signs member codes with another key than the one this desk trusts; enrol the desk again to accept it.</source>
        <translation>中心服务器签发会员码的密钥与本服务台信任的不同；如需接受，请重新登记本服务台。</translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://, e.g. http://10.0.0.5:8700.</source>
        <translation>服务器地址须以 http:// 或 https:// 开头，例如 http://10.0.0.5:8700。</translation>
    </message>
    <message>
        <source>The enrolment code has 8 letters and digits, e.g. K7QX-M2PD; ask the server&apos;s administrator for one.</source>
        <translation>登记码由 8 位字母和数字组成，例如 K7QX-M2PD；请向服务器管理员索取。</translation>
    </message>
    <message>
        <source>This desk holds demo members, which must never reach the chain; enrol a desk with a new data folder.</source>
        <translation>本服务台有演示会员，不能进入连锁系统；请用新的数据文件夹登记服务台。</translation>
    </message>
    <message>
        <source>The server {server} cannot be reached; check the address and the network.</source>
        <translation>无法连接服务器 {server}，请检查地址和网络。</translation>
    </message>
    <message>
        <source>This counter is already enrolled with the central server; head office must revoke it there before it can be enrolled again.</source>
        <translation>本服务台已在中心服务器登记；需总部先在服务器上撤销它，才能重新登记。</translation>
    </message>
    <message>
        <source>The server refused the enrolment: {reason}</source>
        <translation>服务器拒绝登记：{reason}</translation>
    </message>
    <message>
        <source>This counter was revoked at the central server; ask head office to enrol it again.</source>
        <translation>本服务台已被中心服务器撤销；请联系总部重新登记。</translation>
    </message>
    <message>
        <source>This counter is not enrolled with a central server; enrol it first (counter-app enroll --server URL --code CODE).</source>
        <translation>本服务台尚未在中心服务器登记，请先登记（counter-app enroll --server 地址 --code 登记码）。</translation>
    </message>
    <message>
        <source>The central server cannot be reached; the desk works offline and will sync when it is back.</source>
        <translation>无法连接中心服务器；服务台继续离线工作，恢复后自动同步。</translation>
    </message>
    <message>
        <source>The central server refused the sync: {reason}</source>
        <translation>中心服务器拒绝同步：{reason}</translation>
    </message>
    <message>
        <source>The central server shows {available} points this member may spend now (another counter redeemed some); {points} cannot be redeemed.</source>
        <translation>中心服务器显示该会员目前可用 {available} 积分（另一服务台已兑换了一部分）；无法兑换 {points} 积分。</translation>
    </message>
    <message>
        <source>This counter has been offline since {since}; after {hours} hours redemption waits until it syncs again.</source>
        <translation>本服务台自 {since} 起离线；离线超过 {hours} 小时后，兑换须等同步恢复。</translation>
    </message>
    <message>
        <source>Offline, a member may redeem at most {cap} points until the desk syncs; {left} are left for this member.</source>
        <translation>离线时每位会员在同步前最多兑换 {cap} 积分；该会员还可兑换 {left}。</translation>
    </message>
    <message>
        <source>Offline, this counter may redeem {left} more points until it syncs.</source>
        <translation>离线时本服务台在同步前还可兑换 {left} 积分。</translation>
    </message>
    <message>
        <source>A review item is accepted or rejected; {outcome} is neither.</source>
        <translation>复核事项只能接受或驳回；{outcome} 两者都不是。</translation>
    </message>
    <message>
        <source>A review item is named by its number, as in the review list (e.g. review:12).</source>
        <translation>复核事项用复核清单中的编号指明（例如 review:12）。</translation>
    </message>
    <message>
        <source>Give a reason for rejecting the review item; it goes into the audit log.</source>
        <translation>请填写驳回复核事项的理由；理由会记入审计日志。</translation>
    </message>
    <message>
        <source>There is no review item {review_id}; sync the desk, or check the number in the review list.</source>
        <translation>没有复核事项 {review_id}；请同步服务台，或在复核清单中核对编号。</translation>
    </message>
    <message>
        <source>Review item {review_id} was resolved already ({by}, {when}); nothing was changed.</source>
        <translation>复核事项 {review_id} 已处理过（{by}，{when}）；未做任何更改。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>没有文件 {path}。</translation>
    </message>
    <message>
        <source>{path} is not a picture that can be read (PNG, JPEG or WebP, at most 64 MB); check the file.</source>
        <translation>{path} 不是可读取的图片（PNG、JPEG 或 WebP，最大 64 MB），请检查文件。</translation>
    </message>
    <message>
        <source>The code is damaged or incomplete; ask the member to refresh it and scan again.</source>
        <translation>二维码已损坏或不完整；请会员刷新后重新扫描。</translation>
    </message>
    <message>
        <source>This code&apos;s signature is not valid: it was not issued by this mall. Ask for the member&apos;s phone or ID instead.</source>
        <translation>此码签名无效：不是本商场签发的。请改为核对会员手机号或身份证件。</translation>
    </message>
    <message>
        <source>That scan is far longer than any member, card, coupon or event code; scan the code again.</source>
        <translation>扫描内容远长于任何会员码、会员卡、优惠券或活动码；请重新扫描。</translation>
    </message>
    <message>
        <source>This is not a member, card, coupon or event code of this mall; scan the member&apos;s code, or search by phone.</source>
        <translation>这不是本商场的会员码、会员卡、优惠券或活动码；请扫描会员码，或按手机号搜索。</translation>
    </message>
    <message>
        <source>This code is of a newer kind than this desk reads; update the desk software, or search by phone meanwhile.</source>
        <translation>此码格式比本服务台软件新；请更新软件，在此之前可按手机号搜索。</translation>
    </message>
    <message>
        <source>This code was issued by another mall&apos;s member system, not this one; ask for the member&apos;s phone instead.</source>
        <translation>此码由其他商场的会员系统签发，不是本商场的；请改为核对会员手机号。</translation>
    </message>
    <message>
        <source>This member code has expired (codes change every minute); ask the member to show the current code.</source>
        <translation>会员码已过期（会员码每分钟更新）；请会员出示当前的会员码。</translation>
    </message>
    <message>
        <source>This member code is from a later time than this desk&apos;s clock; check the desk&apos;s date and time, then scan again.</source>
        <translation>会员码的时间晚于本服务台的时钟；请检查服务台电脑的日期和时间，然后重新扫描。</translation>
    </message>
    <message>
        <source>The member&apos;s code certificate has run out; the member opens the app online once to renew it.</source>
        <translation>会员的会员码证书已过期；请会员联网打开一次 App 以更新。</translation>
    </message>
    <message>
        <source>This desk has not yet received the chain&apos;s member-code key; sync once while online, or search by phone meanwhile.</source>
        <translation>本服务台尚未收到会员码密钥；请联网同步一次，在此之前可按手机号搜索。</translation>
    </message>
    <message>
        <source>The member of this code is not on this desk yet; sync the desk, or search by phone meanwhile.</source>
        <translation>此会员码对应的会员尚未同步到本服务台；请同步，在此之前可按手机号搜索。</translation>
    </message>
    <message>
        <source>This member code was already scanned at this desk at {time}: it is a copy. Ask the member to show the code live on their phone.</source>
        <translation>此会员码已于 {time} 在本服务台扫描过：这是复制的码。请会员在手机上出示实时会员码。</translation>
    </message>
    <message>
        <source>This member code was already scanned at another counter at {time}: it is a copy. Ask the member to show the code live on their phone.</source>
        <translation>此会员码已于 {time} 在其他服务台扫描过：这是复制的码。请会员在手机上出示实时会员码。</translation>
    </message>
    <message>
        <source>That is a coupon, not a member; write it off with the coupon command or the coupon box.</source>
        <translation>这是优惠券，不是会员；请通过优惠券核销来处理。</translation>
    </message>
    <message>
        <source>A member&apos;s dynamic code is read once, by the scanner: scan it again at the desk.</source>
        <translation>会员动态码只能被扫描一次：请在服务台重新扫描。</translation>
    </message>
    <message>
        <source>That is not the member&apos;s own code; scan the code on the member&apos;s phone, or their printed member card.</source>
        <translation>这不是会员本人的会员码；请扫描会员手机上的会员码，或其印制的会员卡。</translation>
    </message>
    <message>
        <source>The central server does not know member {member_no} yet; sync the desk, then try again.</source>
        <translation>中心服务器还没有会员 {member_no} 的资料；请先同步本服务台，然后重试。</translation>
    </message>
    <message>
        <source>A member code is signed by the central server, which cannot be reached now; try again when online.</source>
        <translation>会员码由中心服务器签发，目前无法连接服务器；请联网后重试。</translation>
    </message>
    <message>
        <source>The central server answered with a certificate this desk cannot read; update the desk.</source>
        <translation>中心服务器返回的证书本服务台无法读取；请更新服务台软件。</translation>
    </message>
    <message>
        <source>An event ticket is signed by the central server, which cannot be reached now; try again when online.</source>
        <translation>活动票由中心服务器签发，目前无法连接服务器；请联网后重试。</translation>
    </message>
    <message>
        <source>The central server does not issue event tickets yet; update the server, or check members in by their member code.</source>
        <translation>中心服务器尚不能签发活动票；请升级服务器，或用会员码为会员签到。</translation>
    </message>
    <message>
        <source>“{uri}” is not a printer address. Use tcp://HOST:9100, usb://VID:PID (e.g. usb://0416:5011), serial:///dev/ttyUSB0?baud=9600, file:///dev/usb/lp0 or lp://QUEUE.</source>
        <translation>“{uri}”不是打印机地址。请使用 tcp://主机:9100、usb://VID:PID（如 usb://0416:5011）、serial:///dev/ttyUSB0?baud=9600、file:///dev/usb/lp0 或 lp://队列名。</translation>
    </message>
    <message>
        <source>No printer is set. Set printer_uri in the settings (e.g. tcp://192.168.1.50:9100), or give --printer.</source>
        <translation>尚未设置打印机。请在设置中设置 printer_uri（如 tcp://192.168.1.50:9100），或使用 --printer。</translation>
    </message>
    <message>
        <source>No operation, member or used coupon has the reference {reference}; copy it from the points history.</source>
        <translation>没有业务、会员或已核销的优惠券对应编号 {reference}；请从积分记录中复制。</translation>
    </message>
    <message>
        <source>Operation {reference} has no receipt to print.</source>
        <translation>业务 {reference} 没有可打印的小票。</translation>
    </message>
    <message>
        <source>There is no print job {job_id}.</source>
        <translation>没有打印任务 {job_id}。</translation>
    </message>
    <message>
        <source>Say why the print job is cancelled (--reason).</source>
        <translation>请说明取消打印任务的原因（--reason）。</translation>
    </message>
    <message>
        <source>Print job {job_id} is {status} already; there is nothing to cancel.</source>
        <translation>打印任务 {job_id} 已是{status}状态，无需取消。</translation>
    </message>
    <message>
        <source>Paper is 58 or 80 mm wide.</source>
        <translation>纸宽只能是 58 或 80 毫米。</translation>
    </message>
    <message>
        <source>“{ref}” names nothing in the manager&apos;s queue; use the number of a request (12), review:N or compensation:ID, as approvals list shows them.</source>
        <translation>待审批事项中没有“{ref}”；请使用 approvals list 中显示的编号：申请号（12）、review:N 或 compensation:ID。</translation>
    </message>
    <message>
        <source>The manager&apos;s queue holds approvals, compensations and review items; {kind} is none of them.</source>
        <translation>待审批事项只包括审批申请、补偿和复核事项；{kind} 都不是。</translation>
    </message>
    <message>
        <source>An approval request is named by its number, as approvals list shows it.</source>
        <translation>审批申请用 approvals list 中显示的编号指明。</translation>
    </message>
    <message>
        <source>An event code is 2 to 20 capital letters, digits or dashes, e.g. SPRING-FAIR.</source>
        <translation>活动编码为 2 到 20 位大写字母、数字或横线，例如 SPRING-FAIR。</translation>
    </message>
    <message>
        <source>Give the start time as 2026-12-05T10:00 (or with its UTC offset, 2026-12-05T10:00+08:00).</source>
        <translation>开始时间格式为 2026-12-05T10:00（或带时区，如 2026-12-05T10:00+08:00）。</translation>
    </message>
    <message>
        <source>Give the end time as 2026-12-05T18:00 (or with its UTC offset, 2026-12-05T18:00+08:00).</source>
        <translation>结束时间格式为 2026-12-05T18:00（或带时区，如 2026-12-05T18:00+08:00）。</translation>
    </message>
    <message>
        <source>There is no event {code} on this desk; check the code on the event sheet (event list shows them).</source>
        <translation>本服务台没有活动 {code}；请核对活动单上的编码（event list 可列出所有活动）。</translation>
    </message>
    <message>
        <source>An event gives {minimum} to {maximum} points for checking in (the rules&apos; limit).</source>
        <translation>活动签到积分须为 {minimum} 到 {maximum}（规则限制）。</translation>
    </message>
    <message>
        <source>The capacity is {minimum} to {maximum} places, or none for an open event.</source>
        <translation>名额为 {minimum} 到 {maximum} 个；不限名额的活动请留空。</translation>
    </message>
    <message>
        <source>The event must end after it starts; check the end time.</source>
        <translation>活动结束时间须晚于开始时间；请核对结束时间。</translation>
    </message>
    <message>
        <source>That end time has passed already; check the date.</source>
        <translation>该结束时间已经过去；请核对日期。</translation>
    </message>
    <message>
        <source>Event code {code} is taken already ({title}); choose another.</source>
        <translation>活动编码 {code} 已被使用（{title}）；请另选一个。</translation>
    </message>
    <message>
        <source>Give the event a title, as on its poster.</source>
        <translation>请填写活动名称，与海报一致。</translation>
    </message>
    <message>
        <source>An event title is at most {limit} characters.</source>
        <translation>活动名称最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Member {member_no}&apos;s data was erased; they cannot take part in events.</source>
        <translation>会员 {member_no} 的资料已删除，不能参加活动。</translation>
    </message>
    <message>
        <source>{event} ended on {when}; sign-ups are closed.</source>
        <translation>{event} 已于 {when} 结束；报名已截止。</translation>
    </message>
    <message>
        <source>Member {member_no} is signed up for {event} already (since {when}); print their ticket again if it is lost.</source>
        <translation>会员 {member_no} 已于 {when} 报名 {event}；如活动票遗失，可重新打印。</translation>
    </message>
    <message>
        <source>{event} is full: all {capacity} places are taken.</source>
        <translation>{event} 已满：{capacity} 个名额已全部报满。</translation>
    </message>
    <message>
        <source>Member {member_no} is not signed up for {event}; sign them up first, then print the ticket.</source>
        <translation>会员 {member_no} 未报名 {event}；请先报名，再打印活动票。</translation>
    </message>
    <message>
        <source>This ticket is for another event, not {event}; check the event on the ticket.</source>
        <translation>这张活动票属于其他活动，不是 {event}；请核对票上的活动。</translation>
    </message>
    <message>
        <source>This ticket is for an event this desk does not run; check the member in at the event&apos;s own desk.</source>
        <translation>这张活动票对应的活动不由本服务台举办；请到该活动的服务台签到。</translation>
    </message>
    <message>
        <source>Scan the member&apos;s code or event ticket, or type their phone or member number.</source>
        <translation>请扫描会员码或活动票，或输入手机号或会员号。</translation>
    </message>
    <message>
        <source>Name the event to check in to, or scan the member&apos;s event ticket.</source>
        <translation>请指明要签到的活动，或扫描会员的活动票。</translation>
    </message>
    <message>
        <source>Check-in for {event} opens at {when}; ask the member to come back then.</source>
        <translation>{event} 于 {when} 开始签到；请会员届时再来。</translation>
    </message>
    <message>
        <source>{event} ended at {when}; check-in is closed.</source>
        <translation>{event} 已于 {when} 结束；签到已关闭。</translation>
    </message>
    <message>
        <source>Member {member_no} already checked in at {event} at {when}; the event&apos;s points were given then.</source>
        <translation>会员 {member_no} 已于 {when} 在 {event} 签到；活动积分当时已发放。</translation>
    </message>
    <message>
        <source>{event} is full ({capacity} places) and member {member_no} has not signed up; they cannot be let in.</source>
        <translation>{event} 已满（{capacity} 个名额），会员 {member_no} 未报名，不能入场。</translation>
    </message>
    <message>
        <source>Give the report&apos;s dates as days, e.g. 2026-11-01.</source>
        <translation>报表日期请按天填写，例如 2026-11-01。</translation>
    </message>
    <message>
        <source>{day} is before 2000-01-01; reports start from then. Check the year.</source>
        <translation>{day} 早于 2000-01-01；报表最早从该日开始。请核对年份。</translation>
    </message>
    <message>
        <source>{day} is more than a year ahead (after {latest}); check the year.</source>
        <translation>{day} 超过一年以后（晚于 {latest}）；请核对年份。</translation>
    </message>
    <message>
        <source>The report ends on {end}, before it starts on {start}; swap the dates.</source>
        <translation>报表结束日 {end} 早于开始日 {start}；请对调两个日期。</translation>
    </message>
    <message>
        <source>A report covers at most {years} years; {start} to {end} is longer. Split it into shorter reports.</source>
        <translation>一份报表最多覆盖 {years} 年；{start} 至 {end} 超出范围。请拆分为多份较短的报表。</translation>
    </message>
    <message>
        <source>Reports are saved as .csv or .xlsx; name the file e.g. report.xlsx.</source>
        <translation>报表只能保存为 .csv 或 .xlsx；文件名如 report.xlsx。</translation>
    </message>
    <message>
        <source>The report cannot be saved as {path} ({reason}); choose a folder you may write to, or another file name.</source>
        <translation>报表无法保存为 {path}（{reason}）；请选择有写入权限的文件夹，或换一个文件名。</translation>
    </message>
    <message>
        <source>The settings are an administrator&apos;s: give --staff, with the PIN in COUNTER_PIN.</source>
        <translation>设置仅限管理员修改：请提供 --staff，并把密码放在 COUNTER_PIN 中。</translation>
    </message>
    <message>
        <source>Too long: at most {limit} characters, this one has {count}.</source>
        <translation>过长：最多 {limit} 个字符，当前为 {count} 个。</translation>
    </message>
    <message>
        <source>Enter the store&apos;s name: it is shown on screen and printed on every receipt.</source>
        <translation>请输入门店名称：它会显示在屏幕上，并打印在每张小票上。</translation>
    </message>
    <message>
        <source>There is no setup step called {step}.</source>
        <translation>没有名为 {step} 的设置步骤。</translation>
    </message>
    <message>
        <source>{option} holds something that is not text (a NUL character, or bytes that are not UTF-8); type it again.</source>
        <translation>{option} 含有非文本内容（NUL 字符或非 UTF-8 字节）；请重新输入。</translation>
    </message>
    <message>
        <source>A typed phone or member number only looks the member up; to spend points scan the member&apos;s code (on the command line: --code), or a manager overrides with a reason.</source>
        <translation>手动输入的手机号或会员号只能查询会员；使用积分须扫描会员码（命令行：--code），或由经理说明理由后授权。</translation>
    </message>
    <message>
        <source>The code scanned belongs to another member, not {member_no}; scan {member_no}&apos;s own code.</source>
        <translation>扫描的会员码属于其他会员，不是 {member_no} 的；请扫描 {member_no} 本人的会员码。</translation>
    </message>
    <message>
        <source>The member&apos;s code was scanned at {time}, more than {minutes} minutes ago; scan the member&apos;s code again.</source>
        <translation>会员码扫描于 {time}，已超过 {minutes} 分钟；请重新扫描会员码。</translation>
    </message>
    <message>
        <source>This desk did not scan that member code; scan the member&apos;s code at this desk again.</source>
        <translation>本服务台没有扫描过这个会员码；请在本服务台重新扫描会员码。</translation>
    </message>
    <message>
        <source>A manager&apos;s override needs a reason of 1 to {limit} characters, e.g. the member&apos;s ID was checked.</source>
        <translation>经理授权须填写 1 至 {limit} 个字符的理由，例如：已核验会员身份证。</translation>
    </message>
    <message>
        <source>Only a manager may vouch that the member is here; {staff_id} may not. A manager authorises it with their ID and PIN (on the command line: --manager ID).</source>
        <translation>只有经理可以担保会员在场，{staff_id} 不能。请经理输入工号和密码授权（命令行：--manager 工号）。</translation>
    </message>
</context>
<context>
    <name>EventCheckInDialog</name>
    <message>
        <source>Event check-in</source>
        <translation>活动签到</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Scan the member&apos;s code or ticket, or type a phone / member no.</source>
        <translation>扫描会员码或活动票，或输入 手机号 / 会员号</translation>
    </message>
    <message>
        <source>Checked in at this counter</source>
        <translation>本服务台已签到</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the check-in</source>
        <translation>关闭签到</translation>
    </message>
    <message>
        <source>No event is running or coming up. A manager sets one up (counter-app event create).</source>
        <translation>当前没有进行中或即将开始的活动。请主管创建活动（counter-app event create）。</translation>
    </message>
    <message>
        <source>%1 places left</source>
        <translation>剩余名额 %1</translation>
    </message>
    <message>
        <source>open to all</source>
        <translation>不限名额</translation>
    </message>
    <message>
        <source>%1 to %2 · %3 · %4 points · %5 signed up, %6 checked in · %7</source>
        <translation>%1 至 %2 · %3 · %4 积分 · 已报名 %5，已签到 %6 · %7</translation>
    </message>
    <message>
        <source>✓ %1 checked in to %2</source>
        <translation>✓ %1 已签到：%2</translation>
    </message>
    <message>
        <source>+%1 points · balance %2</source>
        <translation>+%1 积分 · 余额 %2</translation>
    </message>
    <message>
        <source>No points for this event</source>
        <translation>本活动不送积分</translation>
    </message>
    <message>
        <source>signed up at the door</source>
        <translation>现场报名</translation>
    </message>
    <message>
        <source>member code</source>
        <translation>会员码</translation>
    </message>
    <message>
        <source>printed card</source>
        <translation>实体卡</translation>
    </message>
    <message>
        <source>event ticket</source>
        <translation>活动票</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>手动输入</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; the member was not checked in. Try again.</source>
        <translation>发生意外错误，会员未签到。请重试。</translation>
    </message>
    <message>
        <source>✗ Not checked in</source>
        <translation>✗ 未签到</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>授权同意</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up the Member Service Desk</source>
        <translation>设置会员服务台</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Points history</source>
        <translation>积分记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Slip / note</source>
        <translation>小票 / 备注</translation>
    </message>
    <message>
        <source>Preview receipt</source>
        <translation>预览小票</translation>
    </message>
    <message>
        <source>The selected line&apos;s receipt as it prints</source>
        <translation>按打印效果预览所选记录的小票</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重打</translation>
    </message>
    <message>
        <source>Another copy of the selected line&apos;s receipt, stamped REPRINT</source>
        <translation>再打一份所选记录的小票，标注“重打”</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the history</source>
        <translation>关闭积分记录</translation>
    </message>
    <message>
        <source>Reprint sent to the printer as job %1 (copy %2).</source>
        <translation>重打已发送到打印机：任务 %1（第 %2 份副本）。</translation>
    </message>
</context>
<context>
    <name>LogViewerDialog</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Desk log</source>
        <translation>服务台日志</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>复制诊断信息</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Read the log again</source>
        <translation>重新读取日志</translation>
    </message>
    <message>
        <source>Copy what support needs to know about this desk, to paste into a message</source>
        <translation>复制技术支持需要了解的本服务台信息，以便粘贴到消息中</translation>
    </message>
    <message>
        <source>Open the folder with the log files, to attach them to a message</source>
        <translation>打开日志文件所在的文件夹，以便作为附件发送</translation>
    </message>
    <message>
        <source>Close the log</source>
        <translation>关闭日志</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>正在读取日志…</translation>
    </message>
    <message>
        <source>The log in %1 cannot be read (%2); check that this user may read that folder.</source>
        <translation>无法读取 %1 中的日志（%2）；请确认当前用户有权读取该文件夹。</translation>
    </message>
    <message>
        <source>The desk has not written a log yet; it will be in %1 once there is something to note.</source>
        <translation>服务台尚未写入日志；有需要记录的内容时，日志会保存在 %1。</translation>
    </message>
    <message>
        <source>No entries match; choose &quot;All&quot; or change the search.</source>
        <translation>没有匹配的记录；请选择“全部”或修改搜索内容。</translation>
    </message>
    <message>
        <source>The newest %1 of %2 matching entries, newest first; search to find older ones.</source>
        <translation>匹配的 %2 条记录中最新的 %1 条，最新在前；搜索可查找更早的记录。</translation>
    </message>
    <message>
        <source>%1 of %2 entries, newest first. Phone and ID numbers, secrets and Chinese text are hidden.</source>
        <translation>共 %2 条记录，显示 %1 条，最新在前。手机号、身份证号、密钥和中文内容已隐藏。</translation>
    </message>
    <message>
        <source>The diagnostics could not be gathered; the log above is what support needs.</source>
        <translation>无法收集诊断信息；上面的日志就是技术支持需要的内容。</translation>
    </message>
    <message>
        <source>Diagnostics copied: paste them into your message to support.</source>
        <translation>诊断信息已复制：请粘贴到发给技术支持的消息中。</translation>
    </message>
    <message>
        <source>No file manager could be opened; the log is in %1.</source>
        <translation>无法打开文件管理器；日志位于 %1。</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Staff ID</source>
        <translation>员工编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>服务台已锁定</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Locked by %1. Sign in to carry on, or as someone else.</source>
        <translation>由 %1 锁定。请登录继续，或换其他员工登录。</translation>
    </message>
    <message>
        <source>Staff ID and PIN. Ctrl+L locks the desk when you step away.</source>
        <translation>请输入员工编号和密码。离开时按 Ctrl+L 锁定服务台。</translation>
    </message>
    <message>
        <source>Sign in with this staff ID and PIN</source>
        <translation>用此员工编号和密码登录</translation>
    </message>
    <message>
        <source>Welcome to the desk</source>
        <translation>欢迎使用会员服务台</translation>
    </message>
    <message>
        <source>Create the first administrator. Administrators add the other staff; keep this PIN safe.</source>
        <translation>请创建第一位管理员。其他员工由管理员添加；请妥善保管此密码。</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Create the first administrator&apos;s account and sign in</source>
        <translation>创建第一位管理员账号并登录</translation>
    </message>
    <message>
        <source>The two PINs differ; type them again.</source>
        <translation>两次输入的密码不一致；请重新输入。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; try again.</source>
        <translation>发生意外错误；请重试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Member Service Desk</source>
        <translation>会员服务台</translation>
    </message>
    <message>
        <source>Complaints on the answer promise&apos;s clock</source>
        <translation>投诉及其答复时限</translation>
    </message>
    <message>
        <source>Check members in at an event by scanning their code</source>
        <translation>扫描会员码，为会员办理活动签到</translation>
    </message>
    <message>
        <source>Members, points, coupons, complaints and RFM over a date range</source>
        <translation>按日期范围统计会员、积分、优惠券、投诉和 RFM</translation>
    </message>
    <message>
        <source>What waits for a manager&apos;s approval</source>
        <translation>等待主管审批的事项</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>This desk&apos;s settings: printer, scanner, text size, colours</source>
        <translation>本服务台的设置：打印机、扫码枪、文字大小、配色</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>The desk&apos;s log and diagnostics for support</source>
        <translation>服务台日志和供技术支持使用的诊断信息</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>复制诊断信息</translation>
    </message>
    <message>
        <source>Copy what support needs to know about this desk, to paste into a message</source>
        <translation>复制技术支持需要了解的本服务台信息，以便粘贴到消息中</translation>
    </message>
    <message>
        <source>Scan the member code, or type to search</source>
        <translation>扫描会员码，或输入内容搜索</translation>
    </message>
    <message>
        <source>Register a new member</source>
        <translation>登记新会员</translation>
    </message>
    <message>
        <source>Points from a purchase slip</source>
        <translation>凭购物小票积分</translation>
    </message>
    <message>
        <source>Cash, gifts or coupons for points</source>
        <translation>用积分抵现、兑换礼品或优惠券</translation>
    </message>
    <message>
        <source>The member&apos;s points history</source>
        <translation>会员的积分记录</translation>
    </message>
    <message>
        <source>Change this member&apos;s profile</source>
        <translation>修改该会员的资料</translation>
    </message>
    <message>
        <source>Show this member&apos;s full phone and ID number; a manager&apos;s right, and recorded in the audit log</source>
        <translation>显示该会员完整的手机号和身份证号；仅限主管，并记入审计日志</translation>
    </message>
    <message>
        <source>Take a complaint from this member; the ticket prints</source>
        <translation>登记该会员的投诉，并打印受理单</translation>
    </message>
    <message>
        <source>Start or stop the counter camera</source>
        <translation>开启或关闭服务台摄像头</translation>
    </message>
    <message>
        <source>Fill the desk with demo members to try it out; they never sync</source>
        <translation>生成演示会员以试用服务台；演示会员不会同步</translation>
    </message>
    <message>
        <source>What the server refused or changed, for a manager to look at</source>
        <translation>服务器拒绝或更改的内容，供主管查看</translation>
    </message>
    <message>
        <source>Scan the member code, or type phone / last 4 digits / member no. / name / pinyin initials</source>
        <translation>扫描会员码，或输入 手机号 / 后4位 / 会员号 / 姓名 / 拼音首字母</translation>
    </message>
    <message>
        <source>New member  F2</source>
        <translation>新会员登记  F2</translation>
    </message>
    <message>
        <source>This desk has no members yet. Register the first one with F2, or try the desk with demo members.</source>
        <translation>本服务台还没有会员。按 F2 登记第一位会员，或先用演示会员试用。</translation>
    </message>
    <message>
        <source>Create %1 demo members</source>
        <translation>生成 %1 位演示会员</translation>
    </message>
    <message>
        <source>Demo data: never synced</source>
        <translation>演示数据：不会同步</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>%1 号服务台</translation>
    </message>
    <message>
        <source>Store not named yet</source>
        <translation>门店未命名</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Approvals: %1</source>
        <translation>待审批：%1</translation>
    </message>
    <message>
        <source>Waiting to sync: %1</source>
        <translation>待同步：%1</translation>
    </message>
    <message>
        <source>Waiting to sync: %1 · oldest %2</source>
        <translation>待同步：%1 · 最早 %2</translation>
    </message>
    <message>
        <source>Registered most recently</source>
        <translation>最近登记的会员</translation>
    </message>
    <message>
        <source>Complaint %1 taken; the answer is promised by %2. The ticket prints now.</source>
        <translation>已登记投诉 %1；承诺于 %2 前答复。正在打印受理单。</translation>
    </message>
    <message>
        <source>Diagnostics copied: paste them into your message to support.</source>
        <translation>诊断信息已复制：请粘贴到发给技术支持的消息中。</translation>
    </message>
    <message>
        <source>No member found. Check the number, or register a new member with F2.</source>
        <translation>没有找到会员。请核对号码，或按 F2 登记新会员。</translation>
    </message>
    <message>
        <source>Showing the first %1 members; type more to narrow the list.</source>
        <translation>显示前 %1 位会员；输入更多内容以缩小范围。</translation>
    </message>
    <message>
        <source>%1 members found</source>
        <translation>找到 %1 位会员</translation>
    </message>
    <message>
        <source>The change waits for a manager as request %1; nothing changes until it is approved.</source>
        <translation>修改已提交主管审批（申请号 %1）；批准前不会生效。</translation>
    </message>
    <message>
        <source>Saved: %1 (%2)</source>
        <translation>已保存：%1（%2）</translation>
    </message>
    <message>
        <source>%1 demo members added. Try a surname such as 王 or 张.</source>
        <translation>已添加 %1 位演示会员。试试搜索姓氏，如“王”或“张”。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing more was changed. Try again, and call support if it happens again.</source>
        <translation>发生意外错误，未做任何更改。请重试；如再次出现，请联系技术支持。</translation>
    </message>
</context>
<context>
    <name>ManagerQueue</name>
    <message>
        <source>Points from a slip held for a check</source>
        <translation>待复核的小票积分</translation>
    </message>
    <message>
        <source>Large redemption of points as cash</source>
        <translation>大额积分抵现</translation>
    </message>
    <message>
        <source>Void of an operation</source>
        <translation>撤销一笔业务</translation>
    </message>
    <message>
        <source>Profile change</source>
        <translation>资料修改</translation>
    </message>
    <message>
        <source>Erasure of personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <source>Compensation for a complaint</source>
        <translation>投诉补偿</translation>
    </message>
    <message>
        <source>Overdraw found at sync</source>
        <translation>同步时发现积分透支</translation>
    </message>
    <message>
        <source>Coupon written off twice</source>
        <translation>优惠券重复核销</translation>
    </message>
    <message>
        <source>Slip earned at two counters</source>
        <translation>小票在两个服务台重复积分</translation>
    </message>
    <message>
        <source>Profile edited at two counters</source>
        <translation>两个服务台同时修改了资料</translation>
    </message>
    <message>
        <source>Member code shown twice</source>
        <translation>会员码被出示两次</translation>
    </message>
    <message>
        <source>Operation waiting for approval ({action})</source>
        <translation>待审批的操作（{action}）</translation>
    </message>
    <message>
        <source>Review item from the server ({kind})</source>
        <translation>服务器下发的复核事项（{kind}）</translation>
    </message>
    <message>
        <source>{points} points as cash</source>
        <translation>{points} 积分抵现</translation>
    </message>
</context>
<context>
    <name>ManagerQueueDialog</name>
    <message>
        <source>Waiting for a manager</source>
        <translation>待审批事项</translation>
    </message>
    <message>
        <source>Most urgent first: money found at sync, compensation for a complaint whose answer is nearly due, then what staff parked for you, oldest first.</source>
        <translation>最紧急的排在最前：同步时发现的资金问题、答复时限将至的投诉补偿，然后是员工提交给您的事项（按时间从早到晚）。</translation>
    </message>
    <message>
        <source>Nothing waits for a manager.</source>
        <translation>没有待主管处理的事项。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Manager sign-in…</source>
        <translation>主管登录…</translation>
    </message>
    <message>
        <source>A manager shows the queue with their own ID and PIN</source>
        <translation>主管用自己的编号和密码查看待审批事项</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Read the queue again</source>
        <translation>重新读取待审批事项</translation>
    </message>
    <message>
        <source>Refuse the selected item, with the reason the requester will see</source>
        <translation>驳回所选事项，并填写申请人可见的理由</translation>
    </message>
    <message>
        <source>Approve the selected item; a parked operation runs now</source>
        <translation>批准所选事项；暂挂的操作会立即执行</translation>
    </message>
    <message>
        <source>Close the queue</source>
        <translation>关闭待审批事项</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>待处理 %1 项</translation>
    </message>
    <message>
        <source>Give the reason for the rejection; the requester will see it.</source>
        <translation>请填写驳回理由；申请人会看到。</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Why is “%1” refused? The requester sees the reason, and it goes into the audit log.</source>
        <translation>为什么驳回“%1”？申请人会看到理由，理由也会记入审计日志。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>已批准：%1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>已驳回：%1</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Try again.</source>
        <translation>发生意外错误，未做任何更改。请重试。</translation>
    </message>
</context>
<context>
    <name>ManagerQueueModel</name>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>Urgent: money involved</source>
        <translation>紧急：涉及资金</translation>
    </message>
    <message>
        <source>Urgent: answer promise nearly due</source>
        <translation>紧急：答复时限将至</translation>
    </message>
    <message>
        <source>A member may be waiting</source>
        <translation>可能有会员在等候</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Member / ticket</source>
        <translation>会员 / 受理单</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Server (sync)</source>
        <translation>服务器（同步）</translation>
    </message>
</context>
<context>
    <name>MemberCardView</name>
    <message>
        <source>Scan a member code to begin</source>
        <translation>扫描会员码开始</translation>
    </message>
    <message>
        <source>Or type a phone number, its last 4 digits, a member number, a name or pinyin initials (zsf finds 张三丰). A name and the last 4 digits together narrow it down: 张伟 8000.</source>
        <translation>也可输入手机号、手机后4位、会员号、姓名或拼音首字母（输入 zsf 可找到 张三丰）。姓名加手机后4位可精确查找：张伟 8000。</translation>
    </message>
    <message>
        <source>Enter  search  ·  Esc  back to the search box  ·  F2  new member</source>
        <translation>Enter 搜索  ·  Esc 回到搜索框  ·  F2 新会员登记</translation>
    </message>
    <message>
        <source>points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>12-month spend</source>
        <translation>近12个月消费</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>隐私政策</translation>
    </message>
    <message>
        <source>Points expiring in 30 days</source>
        <translation>30天内到期积分</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Recent profile changes</source>
        <translation>最近资料修改</translation>
    </message>
    <message>
        <source>Edit profile (Ctrl+E)</source>
        <translation>修改资料（Ctrl+E）</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Earn  F3</source>
        <translation>积分  F3</translation>
    </message>
    <message>
        <source>Redeem  F4</source>
        <translation>兑换  F4</translation>
    </message>
    <message>
        <source>History  F6</source>
        <translation>记录  F6</translation>
    </message>
    <message>
        <source>Complaint  F7</source>
        <translation>投诉  F7</translation>
    </message>
    <message>
        <source>Member no. %1</source>
        <translation>会员号 %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Agreed, version %1</source>
        <translation>已同意（版本 %1）</translation>
    </message>
    <message>
        <source>Since %1 (was %2)</source>
        <translation>自 %1 起（此前为 %2）</translation>
    </message>
    <message>
        <source>Nothing expires soon</source>
        <translation>近期没有到期积分</translation>
    </message>
    <message>
        <source>No coupons</source>
        <translation>暂无优惠券</translation>
    </message>
    <message>
        <source>Identified by the printed card only: redemption is limited. Ask for the phone code or ID for more.</source>
        <translation>仅凭实体卡识别：兑换受限。如需更多，请出示手机会员码或身份证件。</translation>
    </message>
    <message>
        <source>Event ticket · scan to redeem</source>
        <translation>活动票 · 扫码后可兑换</translation>
    </message>
    <message>
        <source>Opened from an event ticket, which does not show the member is here: scan their code to redeem.</source>
        <translation>由活动票打开，无法证明会员在场：请扫描会员码后再兑换。</translation>
    </message>
    <message>
        <source>Present · code %1</source>
        <translation>会员在场 · %1 扫码</translation>
    </message>
    <message>
        <source>Looked up · scan to redeem</source>
        <translation>查询打开 · 扫码后可兑换</translation>
    </message>
    <message>
        <source>Printed card · limited</source>
        <translation>实体卡 · 兑换受限</translation>
    </message>
    <message>
        <source>None since registration</source>
        <translation>登记后未修改过</translation>
    </message>
</context>
<context>
    <name>MemberEvents</name>
    <message>
        <source>not started yet</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>check-in open</source>
        <translation>签到中</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
</context>
<context>
    <name>MemberResultsModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Offline since %1: redemption is paused until the desk syncs again; earning and registration go on.</source>
        <translation>自 %1 起离线：兑换暂停，待同步恢复；积分和会员登记照常进行。</translation>
    </message>
    <message>
        <source>Offline since %1: each member may redeem up to %2 points, this counter %3 more, until %4. Earning and registration go on as usual.</source>
        <translation>自 %1 起离线：每位会员最多可兑换 %2 积分，本台还可兑换 %3 积分，截至 %4。积分和会员登记照常进行。</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Manager authorisation</source>
        <translation>主管授权</translation>
    </message>
    <message>
        <source>Administrator authorisation</source>
        <translation>管理员授权</translation>
    </message>
    <message>
        <source>A manager is needed</source>
        <translation>需要主管授权</translation>
    </message>
    <message>
        <source>An administrator is needed</source>
        <translation>需要管理员授权</translation>
    </message>
    <message>
        <source>%1 may not do this alone. An administrator can authorise it now with their own ID and PIN; both names go into the audit log.</source>
        <translation>%1 无权单独执行此操作。管理员可以用自己的编号和密码现场授权；双方姓名都会记入审计日志。</translation>
    </message>
    <message>
        <source>%1 may not do this alone. A manager can authorise it now with their own ID and PIN; both names go into the audit log.</source>
        <translation>%1 无权单独执行此操作。主管可以用自己的编号和密码现场授权；双方姓名都会记入审计日志。</translation>
    </message>
    <message>
        <source>Or send it to the manager&apos;s queue: nothing changes until it is approved.</source>
        <translation>也可以提交到主管待办：批准前不会做任何更改。</translation>
    </message>
    <message>
        <source>Manager ID</source>
        <translation>主管编号</translation>
    </message>
    <message>
        <source>Administrator ID</source>
        <translation>管理员编号</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>主管密码</translation>
    </message>
    <message>
        <source>Administrator PIN</source>
        <translation>管理员密码</translation>
    </message>
    <message>
        <source>Send to queue</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Authorise</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>The manager&apos;s ID and PIN allow it now</source>
        <translation>用主管的编号和密码立即授权</translation>
    </message>
    <message>
        <source>Leave it undone</source>
        <translation>不执行此操作</translation>
    </message>
    <message>
        <source>It waits in the manager&apos;s queue; nothing happens until it is approved</source>
        <translation>提交到主管待审批事项；批准前不会执行</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; try again.</source>
        <translation>发生意外错误；请重试。</translation>
    </message>
</context>
<context>
    <name>PointsKinds</name>
    <message>
        <source>Earned</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>兑换礼品</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>兑换优惠券</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Gift received</source>
        <translation>受赠</translation>
    </message>
    <message>
        <source>Gift given</source>
        <translation>赠出</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>推荐奖励</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动积分</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>投诉补偿</translation>
    </message>
</context>
<context>
    <name>Presence</name>
    <message>
        <source>Member code scanned</source>
        <translation>已扫会员码</translation>
    </message>
    <message>
        <source>Printed card</source>
        <translation>印制会员卡</translation>
    </message>
    <message>
        <source>Manager override</source>
        <translation>经理授权</translation>
    </message>
    <message>
        <source>Looked up by phone or number: scan the member&apos;s code to redeem</source>
        <translation>按手机号或会员号查询：扫描会员码后才能兑换</translation>
    </message>
    <message>
        <source>Member present: code scanned %1</source>
        <translation>会员在场：%1 已扫会员码</translation>
    </message>
    <message>
        <source>Member present: printed card, redemption limited</source>
        <translation>会员在场：印制会员卡，兑换受限</translation>
    </message>
    <message>
        <source>Manager override: %1</source>
        <translation>经理授权：%1</translation>
    </message>
</context>
<context>
    <name>PresenceDialog</name>
    <message>
        <source>Is the member here?</source>
        <translation>会员在场吗？</translation>
    </message>
    <message>
        <source>Scan the member&apos;s code to spend points</source>
        <translation>使用积分前请扫描会员码</translation>
    </message>
    <message>
        <source>%1 was looked up by typing, which does not show the member is here. Scan the code on their phone (or their printed card, which redeems less), or a manager vouches for them with a reason.</source>
        <translation>%1 是手动输入查询的，无法证明会员在场。请扫描会员手机上的会员码（或印制会员卡，可兑换额度较少），或由经理说明理由后担保。</translation>
    </message>
    <message>
        <source>Scan the member&apos;s code</source>
        <translation>扫描会员码</translation>
    </message>
    <message>
        <source>Or a manager&apos;s override</source>
        <translation>或由经理授权</translation>
    </message>
    <message>
        <source>Why, e.g. ID card checked: phone battery flat</source>
        <translation>理由，例如：手机没电，已核验身份证</translation>
    </message>
    <message>
        <source>Manager ID</source>
        <translation>经理工号</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>经理密码</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Manager override</source>
        <translation>经理授权</translation>
    </message>
    <message>
        <source>Spend nothing</source>
        <translation>不使用积分</translation>
    </message>
    <message>
        <source>The manager&apos;s ID, PIN and reason vouch for the member</source>
        <translation>经理的工号、密码和理由为会员担保</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; try again.</source>
        <translation>出现意外错误，请重试。</translation>
    </message>
</context>
<context>
    <name>PrintJobsModel</name>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>份次</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Printer said</source>
        <translation>打印机反馈</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <source>Printed at %1</source>
        <translation>打印于 %1</translation>
    </message>
    <message>
        <source>Not tried yet</source>
        <translation>尚未尝试</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>副本 %1</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <source>Waiting only</source>
        <translation>只看等待中</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <source>Both scripts, the paper&apos;s width, a QR code and the cut</source>
        <translation>中英文、纸宽、二维码和切纸</translation>
    </message>
    <message>
        <source>Check printer</source>
        <translation>检查打印机</translation>
    </message>
    <message>
        <source>Ask the printer now whether it has paper and its cover is closed</source>
        <translation>立即询问打印机是否有纸、机盖是否合上</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重打</translation>
    </message>
    <message>
        <source>Another copy of the selected receipt, stamped REPRINT</source>
        <translation>再打一份所选小票，标注“重打”</translation>
    </message>
    <message>
        <source>Cancel job…</source>
        <translation>取消任务…</translation>
    </message>
    <message>
        <source>Take a waiting receipt out of the queue (a manager; the reason is kept)</source>
        <translation>把等待中的小票移出队列（需主管；原因会记录）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Read the queue again</source>
        <translation>重新读取打印队列</translation>
    </message>
    <message>
        <source>The selected receipt as it prints</source>
        <translation>按打印效果预览所选小票</translation>
    </message>
    <message>
        <source>Close the print queue</source>
        <translation>关闭打印队列</translation>
    </message>
    <message>
        <source>No receipt waits for the printer.</source>
        <translation>没有等待打印的小票。</translation>
    </message>
    <message>
        <source>Nothing has been printed at this counter yet.</source>
        <translation>本服务台还没有打印过小票。</translation>
    </message>
    <message>
        <source>%1 waiting · %2 shown (newest first)</source>
        <translation>等待 %1 张 · 显示 %2 条（最新在前）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Waiting to print: %1. They print in order, by themselves, once the printer is ready.</source>
        <translation>待打印：%1 张。打印机就绪后会按顺序自动打印。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>The printer says: %1</source>
        <translation>打印机反馈：%1</translation>
    </message>
    <message>
        <source>Cancel print job %1</source>
        <translation>取消打印任务 %1</translation>
    </message>
    <message>
        <source>Why is print job %1 taken out of the queue? The reason goes into the audit log; the receipt can be reprinted from the points history.</source>
        <translation>为什么把打印任务 %1 移出队列？原因会记入审计日志；之后可从积分记录重打这张小票。</translation>
    </message>
    <message>
        <source>Cancel the job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Give the reason the job is cancelled; it goes into the audit log.</source>
        <translation>请填写取消原因，它会记入审计日志。</translation>
    </message>
    <message>
        <source>Print job %1 cancelled; reprint it from the points history when the member needs it.</source>
        <translation>打印任务 %1 已取消；会员需要时可从积分记录重打。</translation>
    </message>
    <message>
        <source>Sent to the printer as job %1.</source>
        <translation>已发送到打印机：任务 %1。</translation>
    </message>
    <message>
        <source>Sent to the printer as job %1, stamped copy %2.</source>
        <translation>已发送到打印机：任务 %1，标注副本 %2。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Try again.</source>
        <translation>出现意外错误，未做任何更改。请重试。</translation>
    </message>
</context>
<context>
    <name>PrinterBanner</name>
    <message>
        <source>%1 waiting to print.</source>
        <translation>%1 张待打印。</translation>
    </message>
    <message>
        <source>Print queue (Ctrl+P)</source>
        <translation>打印队列（Ctrl+P）</translation>
    </message>
</context>
<context>
    <name>PrinterCheck</name>
    <message>
        <source>Where the receipt printer is; pick an example from the list (Down arrow) and change it</source>
        <translation>小票打印机的地址；可从列表中选一个示例（向下方向键）再修改</translation>
    </message>
    <message>
        <source>Network: tcp://192.168.1.50:9100 · USB: usb://VID:PID (e.g. usb://0416:5011) · serial: serial:///dev/ttyUSB0?baud=9600 · device file: file:///dev/usb/lp0 · system queue: lp://QUEUE. Empty: no printer.</source>
        <translation>网络：tcp://192.168.1.50:9100 · USB：usb://VID:PID（如 usb://0416:5011）· 串口：serial:///dev/ttyUSB0?baud=9600 · 设备文件：file:///dev/usb/lp0 · 系统队列：lp://QUEUE。留空：无打印机。</translation>
    </message>
    <message>
        <source>The width of the paper roll; measure it if unsure</source>
        <translation>纸卷宽度；不确定时请量一下</translation>
    </message>
    <message>
        <source>&amp;Check printer</source>
        <translation>检查打印机(&amp;C)</translation>
    </message>
    <message>
        <source>Ask the printer at this address whether it is ready (Alt+C)</source>
        <translation>询问此地址的打印机是否就绪（Alt+C）</translation>
    </message>
    <message>
        <source>Print &amp;test page</source>
        <translation>打印测试页(&amp;T)</translation>
    </message>
    <message>
        <source>Print a test page at this address now, even before saving (Alt+T)</source>
        <translation>立即向此地址的打印机打印测试页，无需先保存（Alt+T）</translation>
    </message>
    <message>
        <source>Asking the printer at %1…</source>
        <translation>正在询问 %1 的打印机…</translation>
    </message>
    <message>
        <source>Printing a test page at %1…</source>
        <translation>正在向 %1 打印测试页…</translation>
    </message>
    <message>
        <source>Type the printer&apos;s address first, e.g. tcp://192.168.1.50:9100.</source>
        <translation>请先输入打印机地址，例如 tcp://192.168.1.50:9100。</translation>
    </message>
    <message>
        <source>The test page went out to %1. Check that it came out whole, Chinese characters and QR code included.</source>
        <translation>测试页已发送到 %1。请检查打印是否完整，包括中文和二维码。</translation>
    </message>
    <message>
        <source>Fix it and print the test page again.</source>
        <translation>请排除问题后再次打印测试页。</translation>
    </message>
    <message>
        <source>No printer: receipts are not printed until an address is set.</source>
        <translation>无打印机：设置地址之前不会打印小票。</translation>
    </message>
    <message>
        <source>Press Check printer to ask the printer, or print a test page.</source>
        <translation>点击“检查打印机”询问打印机状态，或打印测试页。</translation>
    </message>
</context>
<context>
    <name>PrinterController</name>
    <message>
        <source>something unexpected went wrong.</source>
        <translation>出现意外错误。</translation>
    </message>
    <message>
        <source>The receipt was not queued: %1 The operation itself is saved; reprint its receipt from the points history.</source>
        <translation>小票未能加入打印队列：%1 业务本身已保存；可从积分记录重打小票。</translation>
    </message>
</context>
<context>
    <name>PrinterIndicator</name>
    <message>
        <source>Click to open the print queue</source>
        <translation>点击打开打印队列</translation>
    </message>
    <message>
        <source>○ No printer</source>
        <translation>○ 未设打印机</translation>
    </message>
    <message>
        <source>%1 waiting to print</source>
        <translation>%1 张待打印</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>Type the printer&apos;s address and print a test page: it should come out whole, Chinese characters and QR code included.</source>
        <translation>输入打印机地址并打印测试页：应完整打印出来，包括中文和二维码。</translation>
    </message>
    <message>
        <source>S&amp;kip: no printer at this counter</source>
        <translation>跳过：本服务台没有打印机(&amp;K)</translation>
    </message>
    <message>
        <source>No printer yet? Try the printer emulator: in a second terminal run %1, then type %2 here and print the test page.</source>
        <translation>还没有打印机？可以先试用打印机模拟器：在另一个终端运行 %1，然后在此输入 %2 并打印测试页。</translation>
    </message>
    <message>
        <source>Type the printer&apos;s address, or tick “Skip: no printer at this counter”.</source>
        <translation>请输入打印机地址，或勾选“跳过：本服务台没有打印机”。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Printer ready</source>
        <translation>打印机就绪</translation>
    </message>
    <message>
        <source>Printer out of paper: load a new roll; waiting receipts then print by themselves.</source>
        <translation>打印机缺纸：请装入新纸卷，等待中的小票随后自动打印。</translation>
    </message>
    <message>
        <source>Printer cover open: close it; waiting receipts then print by themselves.</source>
        <translation>打印机盖未合上：请合上，等待中的小票随后自动打印。</translation>
    </message>
    <message>
        <source>Printer offline: check its power and error light.</source>
        <translation>打印机离线：请检查电源和故障指示灯。</translation>
    </message>
    <message>
        <source>Printer not reachable: check that it is on and its cable or network; receipts wait in the queue.</source>
        <translation>连不上打印机：请确认已开机，检查线缆或网络；小票在队列中等待。</translation>
    </message>
    <message>
        <source>Printer does not answer: switch it off and on again; receipts wait in the queue.</source>
        <translation>打印机无响应：请关机再开机；小票在队列中等待。</translation>
    </message>
    <message>
        <source>Printer connected (it cannot report paper or cover)</source>
        <translation>打印机已连接（它无法报告纸张或机盖状态）</translation>
    </message>
    <message>
        <source>No printer set: an administrator sets printer_uri in the settings.</source>
        <translation>未设置打印机：请管理员在设置中设置 printer_uri。</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Receipt preview</source>
        <translation>小票预览</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 毫米</translation>
    </message>
    <message>
        <source>The printer is set to %1 mm paper.</source>
        <translation>打印机设置为 %1 毫米纸。</translation>
    </message>
    <message>
        <source>No printer is set.</source>
        <translation>未设置打印机。</translation>
    </message>
    <message>
        <source>Drawing the receipt…</source>
        <translation>正在生成小票…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the preview</source>
        <translation>关闭预览</translation>
    </message>
    <message>
        <source>Send this receipt to the printer; a second copy is stamped REPRINT</source>
        <translation>将此小票发送到打印机；再次打印的副本会标注“重打”</translation>
    </message>
    <message>
        <source>Print job %1 · %2</source>
        <translation>打印任务 %1 · %2</translation>
    </message>
    <message>
        <source>Reference %1</source>
        <translation>单据号 %1</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重打</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Sent to the printer as job %1, stamped copy %2.</source>
        <translation>已发送到打印机：任务 %1，标注副本 %2。</translation>
    </message>
    <message>
        <source>Sent to the printer as job %1.</source>
        <translation>已发送到打印机：任务 %1。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was printed. Try again.</source>
        <translation>出现意外错误，未打印任何内容。请重试。</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>无法预览</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <source>Membership registration</source>
        <translation>会员注册</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>积分入账</translation>
    </message>
    <message>
        <source>Gift redemption</source>
        <translation>礼品兑换</translation>
    </message>
    <message>
        <source>Coupon redemption</source>
        <translation>优惠券兑换</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Coupon written off</source>
        <translation>优惠券核销</translation>
    </message>
    <message>
        <source>Points given</source>
        <translation>积分赠送</translation>
    </message>
    <message>
        <source>Operation voided</source>
        <translation>业务撤销</translation>
    </message>
    <message>
        <source>Complaint ticket</source>
        <translation>投诉受理单</translation>
    </message>
    <message>
        <source>End-of-day summary</source>
        <translation>日结汇总</translation>
    </message>
    <message>
        <source>Printer test page</source>
        <translation>打印机测试页</translation>
    </message>
    <message>
        <source>Member Service Desk</source>
        <translation>会员服务台</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Expiring {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Ref. {reference}</source>
        <translation>单号 {reference}</translation>
    </message>
    <message>
        <source>Thank you for your visit</source>
        <translation>感谢您的光临</translation>
    </message>
    <message>
        <source>Welcome! Your membership is active.</source>
        <translation>欢迎入会！您的会员资格已生效。</translation>
    </message>
    <message>
        <source>Welcome points</source>
        <translation>入会积分</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Slip no.</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <source>Congratulations: your tier went up!</source>
        <translation>恭喜：您的会员等级已升级！</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Item no.</source>
        <translation>货号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Points used</source>
        <translation>使用积分</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>面值</translation>
    </message>
    <message>
        <source>Minimum spend</source>
        <translation>最低消费</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Coupon {code}</source>
        <translation>优惠券 {code}</translation>
    </message>
    <message>
        <source>Cash deduction</source>
        <translation>抵现金额</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>券码</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>Given to</source>
        <translation>赠予</translation>
    </message>
    <message>
        <source>Voided operation</source>
        <translation>被撤销业务</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Ticket no.</source>
        <translation>受理单号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>投诉内容：</translation>
    </message>
    <message>
        <source>We will answer by</source>
        <translation>我们将在此时间前答复</translation>
    </message>
    <message>
        <source>Keep this ticket to follow up on your complaint.</source>
        <translation>请保留此单，以便跟进您的投诉。</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>If you can read this, the printer works.</source>
        <translation>能看清这些字，说明打印机工作正常。</translation>
    </message>
    <message>
        <source>Rare characters: {sample}</source>
        <translation>生僻字：{sample}</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列数</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>Slips for points</source>
        <translation>积分小票</translation>
    </message>
    <message>
        <source>Spend on slips</source>
        <translation>小票消费额</translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <source>Gifts redeemed</source>
        <translation>礼品兑换</translation>
    </message>
    <message>
        <source>Coupons redeemed</source>
        <translation>优惠券兑换</translation>
    </message>
    <message>
        <source>Coupons written off</source>
        <translation>优惠券核销</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Redeem points</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Give to a friend</source>
        <translation>赠予好友</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close; nothing more is redeemed</source>
        <translation>关闭；不再兑换</translation>
    </message>
    <message>
        <source>Pay these points out as cash</source>
        <translation>将这些积分抵现</translation>
    </message>
    <message>
        <source>Give these points to the friend</source>
        <translation>将这些积分赠送给好友</translation>
    </message>
    <message>
        <source>Nothing was redeemed: the member&apos;s code was not scanned.</source>
        <translation>未兑换任何东西：没有扫描会员码。</translation>
    </message>
    <message>
        <source>%1 points = ¥1; whole yuan only.</source>
        <translation>%1 积分 = ¥1；只能按整元兑换。</translation>
    </message>
    <message>
        <source>Points, e.g. %1</source>
        <translation>积分，例如 %1</translation>
    </message>
    <message>
        <source>Pay out</source>
        <translation>抵现</translation>
    </message>
    <message>
        <source>The catalog is empty.</source>
        <translation>礼品目录为空。</translation>
    </message>
    <message>
        <source>%1 points · %2 in stock</source>
        <translation>%1 积分 · 库存 %2</translation>
    </message>
    <message>
        <source>Hand over this gift for its points</source>
        <translation>扣除积分，兑换此礼品</translation>
    </message>
    <message>
        <source>%1 — %2 points</source>
        <translation>%1 — %2 积分</translation>
    </message>
    <message>
        <source>Issue this coupon for its points</source>
        <translation>扣除积分，发放此优惠券</translation>
    </message>
    <message>
        <source>The friend&apos;s phone or member number (scan their code)</source>
        <translation>好友的手机号或会员号（可扫描其会员码）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>赠送</translation>
    </message>
    <message>
        <source>To</source>
        <translation>赠给</translation>
    </message>
    <message>
        <source>%1 points given to %2; balance %3 (theirs %4).</source>
        <translation>已赠送 %1 积分给 %2；余额 %3（对方 %4）。</translation>
    </message>
    <message>
        <source>%1 points paid out as ¥%2; balance %3.</source>
        <translation>%1 积分已抵现 ¥%2；余额 %3。</translation>
    </message>
    <message>
        <source>Waits for a manager as request %1.</source>
        <translation>已提交主管审批，申请号 %1。</translation>
    </message>
    <message>
        <source>%1 handed over for %2 points; balance %3.</source>
        <translation>%1 已兑换，扣 %2 积分；余额 %3。</translation>
    </message>
    <message>
        <source>Coupon %1 issued; balance %2.</source>
        <translation>已发放优惠券 %1；余额 %2。</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Register this member</source>
        <translation>登记此会员</translation>
    </message>
    <message>
        <source>Save the changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>关闭，不保存</translation>
    </message>
    <message>
        <source>Member agrees to the privacy notice (version %1)</source>
        <translation>会员已阅读并同意《会员隐私政策》（版本 %1）</translation>
    </message>
    <message>
        <source>Edit member profile</source>
        <translation>修改会员资料</translation>
    </message>
    <message>
        <source>Member %1 · leave the mobile and ID number empty to keep them</source>
        <translation>会员号 %1 · 手机号和身份证号留空则保持不变</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation>不修改：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was saved. Try again, and call support if it happens again.</source>
        <translation>发生意外错误，未保存任何内容。请重试；如再次出现，请联系技术支持。</translation>
    </message>
    <message>
        <source>Register a new member</source>
        <translation>登记新会员</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>新会员登记</translation>
    </message>
    <message>
        <source>Required: mobile number, name and the member&apos;s consent. Everything else can be added later.</source>
        <translation>必填：手机号、姓名和会员授权同意。其他信息可以稍后补充。</translation>
    </message>
    <message>
        <source>Mobile number *</source>
        <translation>手机号 *</translation>
    </message>
    <message>
        <source>11 digits, e.g. 13800138000</source>
        <translation>11位数字，例如 13800138000</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>As on the ID card</source>
        <translation>与身份证一致</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or 8 digits: 19900517</source>
        <translation>年-月-日，或8位数字：19900517</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Optional, 18 characters; fills in the birthday</source>
        <translation>选填，18位；可自动填入生日</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>Referrer&apos;s phone or member number</source>
        <translation>推荐人的手机号或会员号</translation>
    </message>
    <message>
        <source>The member has read and agrees to the privacy notice</source>
        <translation>会员已阅读并同意《会员隐私政策》</translation>
    </message>
</context>
<context>
    <name>ReportLayouts</name>
    <message>
        <source>Members now</source>
        <translation>当前会员数</translation>
    </message>
    <message>
        <source>%1 erased on request</source>
        <translation>其中 %1 位已应要求删除个人信息</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>registered in this range</source>
        <translation>所选期间内登记</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>活跃会员</translation>
    </message>
    <message>
        <source>%1% of members earned points</source>
        <translation>%1% 的会员获得过积分</translation>
    </message>
    <message>
        <source>Members by tier (now)</source>
        <translation>各等级会员（当前）</translation>
    </message>
    <message>
        <source>Growth by month</source>
        <translation>每月增长</translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <source>%1 given between members</source>
        <translation>会员间赠送 %1</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>cash, gifts and coupons</source>
        <translation>抵现、礼品和优惠券</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>过期积分</translation>
    </message>
    <message>
        <source>Outstanding now</source>
        <translation>当前积分余额</translation>
    </message>
    <message>
        <source>worth %1 at %2 points per ¥1</source>
        <translation>按 %2 积分 = ¥1 折合 %1</translation>
    </message>
    <message>
        <source>Issued, redeemed and expired by month</source>
        <translation>每月发放、兑换与过期</translation>
    </message>
    <message>
        <source>By kind of entry</source>
        <translation>按记录类型</translation>
    </message>
    <message>
        <source>Coupons issued</source>
        <translation>发放优惠券</translation>
    </message>
    <message>
        <source>worth %1</source>
        <translation>面值 %1</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>已核销</translation>
    </message>
    <message>
        <source>Used of those issued</source>
        <translation>已发放券核销率</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>当前未使用</translation>
    </message>
    <message>
        <source>worth %1, still valid</source>
        <translation>面值 %1，仍在有效期内</translation>
    </message>
    <message>
        <source>Issued and written off by month</source>
        <translation>每月发放与核销</translation>
    </message>
    <message>
        <source>By coupon type</source>
        <translation>按优惠券类型</translation>
    </message>
    <message>
        <source>Complaints taken</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Answered within the promise</source>
        <translation>按时答复</translation>
    </message>
    <message>
        <source>%1 in time · %2 late</source>
        <translation>按时 %1 · 超时 %2</translation>
    </message>
    <message>
        <source>Average satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <source>%1 ratings</source>
        <translation>%1 条评价</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 条已超时</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>The 24-hour answer promise</source>
        <translation>24 小时答复时限</translation>
    </message>
    <message>
        <source>By root cause</source>
        <translation>按根本原因</translation>
    </message>
    <message>
        <source>Satisfaction ratings</source>
        <translation>满意度评分</translation>
    </message>
    <message>
        <source>%1% of members · average spend %2</source>
        <translation>占会员 %1% · 平均消费 %2</translation>
    </message>
    <message>
        <source>Members scored</source>
        <translation>参与评分会员</translation>
    </message>
    <message>
        <source>earned at least once in the year</source>
        <translation>一年内至少积分一次</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <source>Scores (5 best)</source>
        <translation>评分（5 分最高）</translation>
    </message>
    <message>
        <source>RFM looks at the 365 days up to %2 (%1 to %2), whatever the range starts on: recency, frequency and spend of each member who earned points.</source>
        <translation>RFM 统计截至 %2 的 365 天（%1 至 %2），与所选范围的开始日期无关：依据每位有积分记录的会员的最近消费、消费频次和消费金额。</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>No data in this range</source>
        <translation>该范围内没有数据</translation>
    </message>
    <message>
        <source>Nothing was recorded from %1 to %2. Choose a longer range, e.g. This year.</source>
        <translation>%1 至 %2 期间没有任何记录。请选择更长的范围，例如“今年”。</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>重要价值客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>Potential loyalists</source>
        <translation>潜在忠诚客户</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>有潜力客户</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>需关注客户</translation>
    </message>
    <message>
        <source>About to sleep</source>
        <translation>即将沉睡客户</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>流失风险客户</translation>
    </message>
    <message>
        <source>Can&apos;t lose them</source>
        <translation>重要挽留客户</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>RFM segments</source>
        <translation>RFM 客户分群</translation>
    </message>
    <message>
        <source>Members now</source>
        <translation>当前会员数</translation>
    </message>
    <message>
        <source>Erased members</source>
        <translation>已删除个人信息的会员</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>Active members (earned points)</source>
        <translation>活跃会员（有积分入账）</translation>
    </message>
    <message>
        <source>Active share (%)</source>
        <translation>活跃占比（%）</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按等级</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>占比（%）</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Members at month end</source>
        <translation>月末会员数</translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>过期积分</translation>
    </message>
    <message>
        <source>Points given between members</source>
        <translation>会员间赠送积分</translation>
    </message>
    <message>
        <source>Voids and adjustments</source>
        <translation>撤销与调整</translation>
    </message>
    <message>
        <source>Net change</source>
        <translation>净变化</translation>
    </message>
    <message>
        <source>Outstanding points now</source>
        <translation>当前积分余额</translation>
    </message>
    <message>
        <source>Their cash value now (¥)</source>
        <translation>当前折合现金（¥）</translation>
    </message>
    <message>
        <source>Points per ¥1</source>
        <translation>每 ¥1 所需积分</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Points in</source>
        <translation>增加积分</translation>
    </message>
    <message>
        <source>Points out</source>
        <translation>扣减积分</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Coupons issued</source>
        <translation>发放优惠券</translation>
    </message>
    <message>
        <source>Value issued (¥)</source>
        <translation>发放面值（¥）</translation>
    </message>
    <message>
        <source>Coupons written off</source>
        <translation>核销优惠券</translation>
    </message>
    <message>
        <source>Value written off (¥)</source>
        <translation>核销面值（¥）</translation>
    </message>
    <message>
        <source>Used of those issued (%)</source>
        <translation>已发放券核销率（%）</translation>
    </message>
    <message>
        <source>Open coupons now</source>
        <translation>当前未使用优惠券</translation>
    </message>
    <message>
        <source>Open value now (¥)</source>
        <translation>当前未使用面值（¥）</translation>
    </message>
    <message>
        <source>By coupon type</source>
        <translation>按优惠券类型</translation>
    </message>
    <message>
        <source>Coupon type</source>
        <translation>优惠券类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>核销</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Complaints opened</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Answered in time</source>
        <translation>按时答复</translation>
    </message>
    <message>
        <source>Answered late or overdue</source>
        <translation>超时答复或已超时</translation>
    </message>
    <message>
        <source>Waiting, still in time</source>
        <translation>待答复（未超时）</translation>
    </message>
    <message>
        <source>Answered in time (%)</source>
        <translation>按时答复率（%）</translation>
    </message>
    <message>
        <source>Ratings given</source>
        <translation>评价数</translation>
    </message>
    <message>
        <source>Average rating (1-5)</source>
        <translation>平均满意度（1-5）</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>当前未结</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>当前已超时</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>By root cause</source>
        <translation>按根本原因</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Members scored</source>
        <translation>参与评分会员</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Average days since last purchase</source>
        <translation>距上次消费平均天数</translation>
    </message>
    <message>
        <source>Average purchases</source>
        <translation>平均消费次数</translation>
    </message>
    <message>
        <source>Average spend (¥)</source>
        <translation>平均消费金额（¥）</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Members by recency</source>
        <translation>按近度（R）会员数</translation>
    </message>
    <message>
        <source>Days since last purchase</source>
        <translation>距上次消费天数</translation>
    </message>
    <message>
        <source>Members by frequency</source>
        <translation>按频度（F）会员数</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>消费次数</translation>
    </message>
    <message>
        <source>Members by spend</source>
        <translation>按金额（M）会员数</translation>
    </message>
    <message>
        <source>Spend (¥)</source>
        <translation>消费金额（¥）</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>The report over this period</source>
        <translation>此期间的报表</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>RFM segments</source>
        <translation>RFM 客户分群</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save this report as a CSV file (opens in Excel)</source>
        <translation>将此报表保存为 CSV 文件（可用 Excel 打开）</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>Save this report as an Excel workbook, a sheet per table</source>
        <translation>将此报表保存为 Excel 工作簿，每个表格一个工作表</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Compute the report again</source>
        <translation>重新计算报表</translation>
    </message>
    <message>
        <source>Close the reports</source>
        <translation>关闭报表</translation>
    </message>
    <message>
        <source>%1 to %2 · %3 days</source>
        <translation>%1 至 %2 · 共 %3 天</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Computing… %p%</source>
        <translation>正在计算… %p%</translation>
    </message>
    <message>
        <source>Computed at %1 from this counter&apos;s store.</source>
        <translation>%1 根据本服务台数据计算。</translation>
    </message>
    <message>
        <source>Reports are for managers</source>
        <translation>报表仅供主管查看</translation>
    </message>
    <message>
        <source>This range cannot be reported</source>
        <translation>无法生成该范围的报表</translation>
    </message>
    <message>
        <source>The report could not be computed</source>
        <translation>无法计算报表</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Try again, and call support if it happens again.</source>
        <translation>发生意外错误，未做任何更改。请重试；如再次出现，请联系技术支持。</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>已保存为 %1</translation>
    </message>
    <message>
        <source>The report could not be saved; try another folder.</source>
        <translation>报表无法保存；请换一个文件夹。</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Registration</source>
        <translation>会员登记</translation>
    </message>
    <message>
        <source>Profile change</source>
        <translation>资料修改</translation>
    </message>
    <message>
        <source>Erasure of personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <source>Tier change</source>
        <translation>等级变更</translation>
    </message>
    <message>
        <source>Points from a slip</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Gift redemption</source>
        <translation>兑换礼品</translation>
    </message>
    <message>
        <source>Coupon for points</source>
        <translation>积分兑券</translation>
    </message>
    <message>
        <source>Points given</source>
        <translation>赠出积分</translation>
    </message>
    <message>
        <source>Points received</source>
        <translation>获赠积分</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>生日礼</translation>
    </message>
    <message>
        <source>Event points</source>
        <translation>活动积分</translation>
    </message>
    <message>
        <source>Referral points</source>
        <translation>推荐积分</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>积分过期</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Coupon issued</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>Coupon write-off</source>
        <translation>核销优惠券</translation>
    </message>
    <message>
        <source>Overdraw</source>
        <translation>积分透支</translation>
    </message>
    <message>
        <source>Coupon used twice</source>
        <translation>优惠券重复核销</translation>
    </message>
    <message>
        <source>Slip earned twice</source>
        <translation>小票重复积分</translation>
    </message>
    <message>
        <source>Profile edited at two counters</source>
        <translation>两个服务台同时修改了资料</translation>
    </message>
    <message>
        <source>Member code shown twice</source>
        <translation>会员码被出示两次</translation>
    </message>
    <message>
        <source>Member code scanned</source>
        <translation>扫描会员码</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Compensation points</source>
        <translation>补偿积分</translation>
    </message>
    <message>
        <source>Compensation decided twice</source>
        <translation>补偿重复审批</translation>
    </message>
    <message>
        <source>Review item resolved</source>
        <translation>复核事项已处理</translation>
    </message>
    <message>
        <source>Staff account</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <source>Event set up</source>
        <translation>设立活动</translation>
    </message>
    <message>
        <source>Event check-in</source>
        <translation>活动签到</translation>
    </message>
    <message>
        <source>The server has no such member; the operation refers to a member it never received.</source>
        <translation>服务器上没有该会员；此操作涉及的会员从未上传到服务器。</translation>
    </message>
    <message>
        <source>The server has no coupon {code}.</source>
        <translation>服务器上没有优惠券 {code}。</translation>
    </message>
    <message>
        <source>The coupon code {code} exists already at the server.</source>
        <translation>服务器上已有券码 {code}。</translation>
    </message>
    <message>
        <source>The voided operation is not in the server&apos;s ledger.</source>
        <translation>被撤销的操作不在服务器的积分账中。</translation>
    </message>
    <message>
        <source>The operation was voided already.</source>
        <translation>该操作已被撤销过。</translation>
    </message>
    <message>
        <source>The server had an operation with the same id and another content.</source>
        <translation>服务器上已有编号相同但内容不同的操作。</translation>
    </message>
    <message>
        <source>The server does not know this kind of operation ({type}); update the server.</source>
        <translation>服务器不认识此类操作（{type}），请升级服务器。</translation>
    </message>
    <message>
        <source>The server found the operation malformed ({field}: {problem}).</source>
        <translation>服务器认为该操作格式有误（{field}：{problem}）。</translation>
    </message>
    <message>
        <source>The server refused a value ({field}: {problem}).</source>
        <translation>服务器拒绝了一个值（{field}：{problem}）。</translation>
    </message>
    <message>
        <source>The server has no such complaint; its opening never reached it.</source>
        <translation>服务器上没有该投诉；投诉的登记记录从未上传到服务器。</translation>
    </message>
    <message>
        <source>The server has this complaint opened already.</source>
        <translation>服务器上已登记过该投诉。</translation>
    </message>
    <message>
        <source>The server has no such compensation request for this complaint.</source>
        <translation>服务器上没有该投诉的这笔补偿申请。</translation>
    </message>
    <message>
        <source>Complaint {ticket_no}: compensation request {request} was decided again at counter {counter_no} ({again_at}), after a first decision ({first_at}); check for a double compensation.</source>
        <translation>投诉 {ticket_no}：补偿申请 {request} 在首次审批（{first_at}）之后，又在 {counter_no} 号服务台再次审批（{again_at}）；请检查是否重复补偿。</translation>
    </message>
    <message>
        <source>The server has no review item {review_id}.</source>
        <translation>服务器上没有复核事项 {review_id}。</translation>
    </message>
    <message>
        <source>The operation does not say which staff member made it; the server takes none without.</source>
        <translation>该操作没有注明经办员工；服务器不接受未注明经办人的操作。</translation>
    </message>
    <message>
        <source>The server knows no staff member {staff} at store {store}; the operation was not applied.</source>
        <translation>服务器上门店 {store} 没有员工 {staff}；该操作未生效。</translation>
    </message>
    <message>
        <source>Staff account {staff} is disabled; the operation was not applied.</source>
        <translation>员工账号 {staff} 已停用；该操作未生效。</translation>
    </message>
    <message>
        <source>Staff member {staff} works at another store, not at {store}; the operation was not applied.</source>
        <translation>员工 {staff} 属于其他门店，不属于 {store}；该操作未生效。</translation>
    </message>
    <message>
        <source>The server knows no manager {staff} at store {store} to have authorised this.</source>
        <translation>服务器上门店 {store} 没有可授权此操作的经理 {staff}。</translation>
    </message>
    <message>
        <source>The authorising account {staff} is disabled; the operation was not applied.</source>
        <translation>授权账号 {staff} 已停用；该操作未生效。</translation>
    </message>
    <message>
        <source>{staff} is a manager of another store and cannot authorise at {store}.</source>
        <translation>{staff} 是其他门店的经理，不能在 {store} 授权。</translation>
    </message>
    <message>
        <source>{staff} ({role}) may not authorise this operation; it needs a manager of this store.</source>
        <translation>{staff}（{role}）无权授权此操作；需要本门店经理授权。</translation>
    </message>
    <message>
        <source>{staff} is a head-office account; only head office changes it.</source>
        <translation>{staff} 是总部账号，只能由总部修改。</translation>
    </message>
    <message>
        <source>By the rules at the slip&apos;s time the server counts {expected} points for ¥{amount} ({tier} member), not {got}; the points were not added.</source>
        <translation>按小票时间适用的规则，服务器计算 ¥{amount}（{tier}）应得 {expected} 积分，而不是 {got}；积分未入账。</translation>
    </message>
    <message>
        <source>Points from a slip need the slip&apos;s amount and number.</source>
        <translation>小票积分需要小票的金额和单号。</translation>
    </message>
    <message>
        <source>The slip&apos;s time {at} is more than {days} days back, or ahead of the counter&apos;s clock.</source>
        <translation>小票时间 {at} 早于 {days} 天之前，或晚于柜台时钟。</translation>
    </message>
    <message>
        <source>A redemption can only take points; this one would have added {got}.</source>
        <translation>兑换只能扣减积分；此操作却会增加 {got} 积分。</translation>
    </message>
    <message>
        <source>Points become cash in steps of {step}; {points} is not one.</source>
        <translation>积分抵现须按 {step} 积分一档；{points} 不是整档。</translation>
    </message>
    <message>
        <source>Those points are {expected} in cash, not {got}.</source>
        <translation>这些积分可抵现 {expected}，而不是 {got}。</translation>
    </message>
    <message>
        <source>{got} points received without a gift of as many points given just before at this counter.</source>
        <translation>收到 {got} 积分，但本柜台此前没有相应数量的积分赠予。</translation>
    </message>
    <message>
        <source>A void takes back exactly what the operation moved: {expected} points, not {got}.</source>
        <translation>撤销须正好冲回原操作的积分：{expected} 积分，而不是 {got}。</translation>
    </message>
    <message>
        <source>A {kind} entry cannot be voided.</source>
        <translation>{kind} 类记录不能撤销。</translation>
    </message>
    <message>
        <source>The voided operation belongs to another member.</source>
        <translation>被撤销的操作属于另一位会员。</translation>
    </message>
    <message>
        <source>The operation is from {when}; only the last {days} days can be voided.</source>
        <translation>该操作发生于 {when}；只能撤销最近 {days} 天内的操作。</translation>
    </message>
    <message>
        <source>Tiers follow the spend the server counts: the member holds {expected} there, not {got}.</source>
        <translation>会员等级按服务器统计的消费确定：该会员在服务器上为{expected}，而不是{got}。</translation>
    </message>
    <message>
        <source>The server knows no kind of points entry {kind}.</source>
        <translation>服务器不认识积分记录类型 {kind}。</translation>
    </message>
    <message>
        <source>The server never published rules version {version}.</source>
        <translation>服务器从未发布过第 {version} 版规则。</translation>
    </message>
    <message>
        <source>Rules version {version} was no longer in force at the operation&apos;s time (version {in_force} was); the counter had not pulled the new rules for too long.</source>
        <translation>操作发生时第 {version} 版规则已不再适用（当时适用第 {in_force} 版）；柜台太久没有下载新规则。</translation>
    </message>
    <message>
        <source>The server has no event {event} set up at this counter; it gives no activity points for it.</source>
        <translation>服务器上没有本服务台设立的活动 {event}；不为它发放活动积分。</translation>
    </message>
    <message>
        <source>This counter set up event {event} at the server already.</source>
        <translation>本服务台已在服务器上设立过活动 {event}。</translation>
    </message>
    <message>
        <source>Event {event} gives {points} points for a check-in; the chain&apos;s rules allow at most {limit}.</source>
        <translation>活动 {event} 签到给 {points} 积分；连锁规则最多允许 {limit}。</translation>
    </message>
    <message>
        <source>The check-in at {at} is outside event {event}&apos;s hours ({starts_at} to {ends_at}).</source>
        <translation>{at} 的签到不在活动 {event} 的时间内（{starts_at} 至 {ends_at}）。</translation>
    </message>
    <message>
        <source>The server has no check-in of member {member_no} at {event} from this counter; activity points come with the check-in.</source>
        <translation>服务器上没有会员 {member_no} 在本服务台签到活动 {event} 的记录；活动积分随签到发放。</translation>
    </message>
    <message>
        <source>Member {member_no} was given the points for {event} already; they are given once per event.</source>
        <translation>会员 {member_no} 已领取过活动 {event} 的积分；每个活动只发一次。</translation>
    </message>
    <message>
        <source>By the chain&apos;s rules these are {expected} points; the operation gave {delta}.</source>
        <translation>按连锁规则应为 {expected} 积分；该操作给了 {delta}。</translation>
    </message>
    <message>
        <source>Member {member_no}&apos;s birthday on file at the server is not in month {month}; no birthday gift is due.</source>
        <translation>服务器上会员 {member_no} 的生日不在 {month} 月；不应发放生日礼。</translation>
    </message>
    <message>
        <source>Member {member_no}&apos;s birthday was changed on {when}; a birthday changed this year gives its gift from next year.</source>
        <translation>会员 {member_no} 的生日于 {when} 修改过；今年修改的生日从明年起才能领取生日礼。</translation>
    </message>
    <message>
        <source>Member {member_no} was given the birthday gift of {year} already.</source>
        <translation>会员 {member_no} 已领取过 {year} 年的生日礼。</translation>
    </message>
    <message>
        <source>Member {member_no} neither registered with a referrer nor referred anyone; no referral points are due.</source>
        <translation>会员 {member_no} 注册时没有推荐人，也未推荐过他人；不应发放推荐积分。</translation>
    </message>
    <message>
        <source>Member {member_no} was given the referral points due already.</source>
        <translation>会员 {member_no} 应得的推荐积分已发放过。</translation>
    </message>
    <message>
        <source>The server has no approved compensation request {request} for these points; they are not due.</source>
        <translation>服务器上没有与这些积分对应的已批准补偿申请 {request}；不应发放。</translation>
    </message>
    <message>
        <source>Compensation request {request} was paid already; it is not paid twice.</source>
        <translation>补偿申请 {request} 已发放过；不会发放两次。</translation>
    </message>
    <message>
        <source>Compensation request {request} is for another member&apos;s complaint, not member {member_no}.</source>
        <translation>补偿申请 {request} 属于其他会员的投诉，不是会员 {member_no} 的。</translation>
    </message>
    <message>
        <source>Compensation request {request} was approved for {expected} points; the operation gave {delta}.</source>
        <translation>补偿申请 {request} 批准的是 {expected} 积分；该操作给了 {delta}。</translation>
    </message>
    <message>
        <source>Member {member_no} spent more than the balance: {balance_before} → {balance_after} points ({delta}).</source>
        <translation>会员 {member_no} 的兑换超过余额：{balance_before} → {balance_after} 积分（{delta}）。</translation>
    </message>
    <message>
        <source>Coupon {code} was written off again at {again_at}; first used at {first_used_at}.</source>
        <translation>优惠券 {code} 于 {again_at} 再次核销；首次使用于 {first_used_at}。</translation>
    </message>
    <message>
        <source>Slip {slip_no} earned points at two counters (member {member_no}).</source>
        <translation>小票 {slip_no} 在两个服务台都积了分（会员 {member_no}）。</translation>
    </message>
    <message>
        <source>Member {member_no}: {fields} changed at another counter first; that value stands, check it with the member.</source>
        <translation>会员 {member_no}：{fields} 已先在另一服务台修改，以该值为准，请与会员核对。</translation>
    </message>
    <message>
        <source>Member {member_no}&apos;s code was scanned at counter {counter_no} at {again_at}, but counter {first_counter_no} had scanned it at {first_at}: one was a copy.</source>
        <translation>会员 {member_no} 的会员码于 {again_at} 在 {counter_no} 号服务台被扫描，但 {first_counter_no} 号服务台已于 {first_at} 扫描过：其中一次是复制的码。</translation>
    </message>
    <message>
        <source>Audit log broken</source>
        <translation>审计日志断链</translation>
    </message>
    <message>
        <source>Counter {counter_no}&apos;s audit log does not continue at entry {seq} the entries the server acknowledged (up to {acknowledged_seq}): entries there were cut or rewritten.</source>
        <translation>{counter_no} 号服务台的审计日志在第 {seq} 条没有接续服务器已确认的记录（到第 {acknowledged_seq} 条为止）：那里的记录被删去或改写了。</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review list</source>
        <translation>复核清单</translation>
    </message>
    <message>
        <source>Operations the central server refused, and items it opened for a manager (overdraws, coupons used twice).</source>
        <translation>中心服务器拒绝的操作，以及需主管处理的事项（积分透支、优惠券重复核销）。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Close the review list</source>
        <translation>关闭复核清单</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>服务台职员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <source>The member did not want a receipt</source>
        <translation>会员不需要小票</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Central server</source>
        <translation>中心服务器</translation>
    </message>
    <message>
        <source>A counter of a chain enrols with the central server to share members and points. A single store can stay standalone and enrol later.</source>
        <translation>集团旗下的服务台需在中心服务器登记，以共享会员和积分。单店可以保持单机运行，以后再登记。</translation>
    </message>
    <message>
        <source>Stay s&amp;tandalone</source>
        <translation>保持单机运行(&amp;T)</translation>
    </message>
    <message>
        <source>This counter keeps its members to itself. Enrol later under Settings › Server (Ctrl+,), or from the command line: counter-app enroll --server URL --code CODE.</source>
        <translation>本服务台的会员只保存在本机。以后可在“设置 › 服务器”（Ctrl+,）中登记，或在命令行登记：counter-app enroll --server URL --code CODE。</translation>
    </message>
    <message>
        <source>&amp;Enrol with the central server</source>
        <translation>在中心服务器登记(&amp;E)</translation>
    </message>
    <message>
        <source>Ask the server&apos;s administrator for a one-time enrolment code (counter-server enroll-code --store NAME).</source>
        <translation>请向服务器管理员索取一次性登记码（counter-server enroll-code --store NAME）。</translation>
    </message>
    <message>
        <source>Server &amp;address</source>
        <translation>服务器地址(&amp;A)</translation>
    </message>
    <message>
        <source>One-time c&amp;ode</source>
        <translation>一次性登记码(&amp;O)</translation>
    </message>
    <message>
        <source>Enrol &amp;now</source>
        <translation>立即登记(&amp;N)</translation>
    </message>
    <message>
        <source>Enrolled with %1: store %2, counter number %3. Press Next to go on.</source>
        <translation>已在 %1 登记：门店 %2，服务台编号 %3。点击“下一步”继续。</translation>
    </message>
    <message>
        <source>Type the address and the code, then press Enter to enrol.</source>
        <translation>输入地址和登记码，然后按 Enter 登记。</translation>
    </message>
    <message>
        <source>Enrolling with %1…</source>
        <translation>正在向 %1 登记…</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Desk</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Camera and scanner</source>
        <translation>摄像头和扫码枪</translation>
    </message>
    <message>
        <source>Language and display</source>
        <translation>语言和显示</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>The mall or store shown on screen and receipts</source>
        <translation>显示在屏幕和小票上的商场或门店名称</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>This counter&apos;s name, e.g. 1F 服务台</source>
        <translation>本服务台的名称，例如 1F 服务台</translation>
    </message>
    <message>
        <source>Counter name</source>
        <translation>服务台名称</translation>
    </message>
    <message>
        <source>This counter&apos;s number in the chain; part of every member number</source>
        <translation>本服务台在集团中的编号；是每个会员号的一部分</translation>
    </message>
    <message>
        <source>Counter number</source>
        <translation>服务台编号</translation>
    </message>
    <message>
        <source>Lock the desk after this many idle minutes (0: never)</source>
        <translation>空闲多少分钟后锁定服务台（0：从不锁定）</translation>
    </message>
    <message>
        <source>Lock when idle (minutes)</source>
        <translation>空闲锁定（分钟）</translation>
    </message>
    <message>
        <source>How many members a search lists at most</source>
        <translation>一次搜索最多列出的会员数</translation>
    </message>
    <message>
        <source>Search results at most</source>
        <translation>搜索结果上限</translation>
    </message>
    <message>
        <source>Version of the privacy notice members consent to</source>
        <translation>会员同意的隐私政策版本</translation>
    </message>
    <message>
        <source>Privacy notice version</source>
        <translation>隐私政策版本</translation>
    </message>
    <message>
        <source>The receipt printer: tcp://HOST:9100, usb://VID:PID, serial:///dev/ttyUSB0?baud=9600, file:///dev/usb/lp0, lp://QUEUE; empty: none</source>
        <translation>小票打印机：tcp://HOST:9100、usb://VID:PID、serial:///dev/ttyUSB0?baud=9600、file:///dev/usb/lp0、lp://QUEUE；留空：无打印机</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <source>Paper width in mm: 58 (32 columns) or 80 (48 columns)</source>
        <translation>纸宽（毫米）：58（每行 32 列）或 80（每行 48 列）</translation>
    </message>
    <message>
        <source>Paper width (mm)</source>
        <translation>纸宽（毫米）</translation>
    </message>
    <message>
        <source>80 mm (48 characters a line)</source>
        <translation>80 毫米（每行 48 个字符）</translation>
    </message>
    <message>
        <source>58 mm (32 characters a line)</source>
        <translation>58 毫米（每行 32 个字符）</translation>
    </message>
    <message>
        <source>The printer&apos;s Chinese font: gb18030, gbk, or raster (none: Chinese is printed as pictures)</source>
        <translation>打印机的中文字库：gb18030、gbk 或 raster（无字库：中文以图片打印）</translation>
    </message>
    <message>
        <source>Chinese characters</source>
        <translation>中文字库</translation>
    </message>
    <message>
        <source>GB18030 font (most printers sold in China)</source>
        <translation>GB18030 字库（国内销售的大多数打印机）</translation>
    </message>
    <message>
        <source>GBK font (older printers)</source>
        <translation>GBK 字库（较旧的打印机）</translation>
    </message>
    <message>
        <source>No Chinese font: print Chinese as pictures (slower)</source>
        <translation>无中文字库：中文以图片打印（较慢）</translation>
    </message>
    <message>
        <source>QR codes drawn by the printer (native) or sent as pictures (image)</source>
        <translation>二维码由打印机绘制（native）或以图片发送（image）</translation>
    </message>
    <message>
        <source>QR codes</source>
        <translation>二维码</translation>
    </message>
    <message>
        <source>Drawn by the printer</source>
        <translation>由打印机绘制</translation>
    </message>
    <message>
        <source>Sent as pictures (printers that cannot draw QR codes)</source>
        <translation>以图片发送（适用于不能绘制二维码的打印机）</translation>
    </message>
    <message>
        <source>Whether the printer answers status queries (paper out, cover open)</source>
        <translation>打印机是否响应状态查询（缺纸、机盖打开）</translation>
    </message>
    <message>
        <source>Printer reports its status</source>
        <translation>打印机可报告状态</translation>
    </message>
    <message>
        <source>A picture printed at the top of every receipt (PNG or JPEG); empty: none</source>
        <translation>打印在每张小票顶部的图片（PNG 或 JPEG）；留空：不打印</translation>
    </message>
    <message>
        <source>Receipt logo</source>
        <translation>小票 Logo</translation>
    </message>
    <message>
        <source>Print a receipt after every operation when a printer is set</source>
        <translation>设置了打印机时，每笔业务后都打印小票</translation>
    </message>
    <message>
        <source>Print a receipt after each operation</source>
        <translation>每笔业务后打印小票</translation>
    </message>
    <message>
        <source>The counter camera: its number (0, 1, …), a device path or a video file; empty: no camera</source>
        <translation>服务台摄像头：编号（0、1、…）、设备路径或视频文件；留空：无摄像头</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Longest pause between a scanner&apos;s keystrokes, in ms (people type 80+ ms apart)</source>
        <translation>扫码枪两次按键的最长间隔，单位毫秒（人手输入的间隔通常在 80 毫秒以上）</translation>
    </message>
    <message>
        <source>Scanner key gap (ms)</source>
        <translation>扫码枪按键间隔（毫秒）</translation>
    </message>
    <message>
        <source>Fewest characters a scan has</source>
        <translation>一次扫码的最少字符数</translation>
    </message>
    <message>
        <source>Shortest scan (characters)</source>
        <translation>最短扫码长度（字符）</translation>
    </message>
    <message>
        <source>Characters the scanner sends before each code (empty: none)</source>
        <translation>扫码枪在每个码之前发送的字符（留空：无）</translation>
    </message>
    <message>
        <source>Scanner prefix</source>
        <translation>扫码枪前缀</translation>
    </message>
    <message>
        <source>What the scanner sends after each code</source>
        <translation>扫码枪在每个码之后发送的内容</translation>
    </message>
    <message>
        <source>Scanner suffix</source>
        <translation>扫码枪后缀</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Nothing (the scan ends when the keys stop)</source>
        <translation>无（按键停止即结束扫码）</translation>
    </message>
    <message>
        <source>Language of the desk: zh_CN or en</source>
        <translation>服务台界面语言：zh_CN 或 en</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Colours of the desk: standard, or high_contrast (black on white, strong outlines)</source>
        <translation>服务台配色：standard（标准）或 high_contrast（白底黑字，粗轮廓）</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>High contrast (black on white, strong outlines)</source>
        <translation>高对比度（白底黑字，粗轮廓）</translation>
    </message>
    <message>
        <source>Text size in percent of the standard size</source>
        <translation>文字大小，按标准大小的百分比</translation>
    </message>
    <message>
        <source>Text size (%)</source>
        <translation>文字大小（%）</translation>
    </message>
    <message>
        <source>Seconds between syncs with the central server while all is well</source>
        <translation>一切正常时与中心服务器同步的间隔（秒）</translation>
    </message>
    <message>
        <source>Sync every (seconds)</source>
        <translation>同步间隔（秒）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The settings&apos; pages (Ctrl+Page Down / Ctrl+Page Up to move between them)</source>
        <translation>设置的各个页面（按 Ctrl+Page Down / Ctrl+Page Up 切换）</translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <source>Put this page&apos;s settings back to their defaults; nothing is saved until you press Save (Alt+D)</source>
        <translation>将本页设置恢复为默认值；点击“保存”之前不会保存（Alt+D）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>关闭，不保存（Esc）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S or Enter)</source>
        <translation>保存修改（Ctrl+S 或 Enter）</translation>
    </message>
    <message>
        <source>Only an administrator can change the settings. You can look at them and test the printer and camera; an administrator can approve changes here with their own ID and PIN.</source>
        <translation>只有管理员可以修改设置。您可以查看设置，并测试打印机和摄像头；管理员可在此用自己的编号和密码批准修改。</translation>
    </message>
    <message>
        <source>Administrator &amp;approves…</source>
        <translation>管理员批准(&amp;A)…</translation>
    </message>
    <message>
        <source>An administrator types their ID and PIN to allow changes in this dialog (Alt+A)</source>
        <translation>管理员输入自己的编号和密码，允许在此对话框中修改（Alt+A）</translation>
    </message>
    <message>
        <source>(%1 to %2)</source>
        <translation>（%1 到 %2）</translation>
    </message>
    <message>
        <source>Takes effect the next time the desk starts.</source>
        <translation>下次启动服务台时生效。</translation>
    </message>
    <message>
        <source>Central server</source>
        <translation>中心服务器</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Enrol this counter</source>
        <translation>登记本服务台</translation>
    </message>
    <message>
        <source>The server&apos;s administrator gives a one-time code for this counter. Enrolling joins the counter to the chain: its members, points and coupons then sync with the server.</source>
        <translation>服务器管理员会为本服务台提供一次性登记码。登记后本服务台即加入集团：会员、积分和优惠券将与服务器同步。</translation>
    </message>
    <message>
        <source>The central server&apos;s address, starting with http:// or https://</source>
        <translation>中心服务器地址，以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <source>The one-time enrolment code from the server&apos;s administrator; Enter enrols</source>
        <translation>服务器管理员提供的一次性登记码；按 Enter 登记</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>登记(&amp;E)</translation>
    </message>
    <message>
        <source>Enrol this counter with the server now (Alt+E)</source>
        <translation>立即在服务器登记本服务台（Alt+E）</translation>
    </message>
    <message>
        <source>Se&amp;rver address</source>
        <translation>服务器地址(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>登记码(&amp;C)</translation>
    </message>
    <message>
        <source>%1 approved changes in this dialog; both names go into the audit log.</source>
        <translation>%1 已批准在此对话框中修改；双方姓名都会记入审计日志。</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to save (%1).</source>
        <translation>请更正标红的字段后再保存（%1 项）。</translation>
    </message>
    <message>
        <source>%1 changed, not saved yet.</source>
        <translation>已修改 %1 项，尚未保存。</translation>
    </message>
    <message>
        <source>The settings could not be saved; nothing was changed. Try again, and see the log if it happens again.</source>
        <translation>设置无法保存，未做任何更改。请重试，如再次出现请查看日志。</translation>
    </message>
    <message>
        <source>Not enrolled: this counter works on its own, with its own members.</source>
        <translation>未登记：本服务台单机运行，使用自己的会员数据。</translation>
    </message>
    <message>
        <source>Never yet</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1 operations</source>
        <translation>%1 笔操作</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Asking the server at %1…</source>
        <translation>正在询问 %1 的服务器…</translation>
    </message>
    <message>
        <source>Enrolled with %1 as counter %2. The counter now syncs with the server.</source>
        <translation>已在 %1 登记为 %2 号服务台。本服务台现在与服务器同步。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; try again, and see the log if it happens again.</source>
        <translation>发生意外错误；请重试，如再次出现请查看日志。</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Store and counter</source>
        <translation>门店和服务台</translation>
    </message>
    <message>
        <source>Type the store&apos;s name as customers know it, and a name for this counter. Both are shown on screen and printed on receipts.</source>
        <translation>请输入顾客熟知的门店名称，以及本服务台的名称。两者都会显示在屏幕上，并打印在小票上。</translation>
    </message>
    <message>
        <source>&amp;Store name</source>
        <translation>门店名称(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Counter name</source>
        <translation>服务台名称(&amp;C)</translation>
    </message>
    <message>
        <source>Required, at most 40 characters, e.g. 万象城.</source>
        <translation>必填，最多 40 个字符，例如 万象城。</translation>
    </message>
    <message>
        <source>At most 40 characters, e.g. 1F 服务台; may stay empty.</source>
        <translation>最多 40 个字符，例如 1F 服务台；可以留空。</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>First sync %p%</source>
        <translation>首次同步 %p%</translation>
    </message>
    <message>
        <source>Standalone</source>
        <translation>单机</translation>
    </message>
    <message>
        <source>Not connected to a central server; everything is kept on this computer.</source>
        <translation>未连接中心服务器；所有数据保存在本机。</translation>
    </message>
    <message>
        <source>● Online · synced %1</source>
        <translation>● 在线 · %1 已同步</translation>
    </message>
    <message>
        <source>○ Offline · last sync %1</source>
        <translation>○ 离线 · 上次同步 %1</translation>
    </message>
    <message>
        <source>Clock off by %1 s</source>
        <translation>时钟偏差 %1 秒</translation>
    </message>
    <message>
        <source>This computer&apos;s clock differs from the server&apos;s; set it right (times on receipts and in the audit log come from it).</source>
        <translation>本机时钟与服务器不一致，请校准（小票和审计日志的时间都来自它）。</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>待复核：%1</translation>
    </message>
</context>
<context>
    <name>Tiers</name>
    <message>
        <source>Regular</source>
        <translation>普通会员</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>钻石卡</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to the Member Service Desk</source>
        <translation>欢迎使用会员服务台</translation>
    </message>
    <message>
        <source>Choose the language of the desk, then press Enter (Next) to set up this counter.</source>
        <translation>请选择服务台的语言，然后按 Enter（下一步）设置本服务台。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>This wizard sets up the desk in a few minutes: it names the store and this counter, creates the first administrator, connects the counter to the chain&apos;s central server or leaves it standalone, and tests the receipt printer and the camera. Every step can be changed later in the settings.</source>
        <translation>本向导只需几分钟即可完成服务台设置：为门店和本服务台命名，创建第一位管理员，将本服务台连接到集团的中心服务器或保持单机运行，并测试小票打印机和摄像头。每一步以后都可以在设置中修改。</translation>
    </message>
    <message>
        <source>1. Store and counter names</source>
        <translation>1. 门店和服务台名称</translation>
    </message>
    <message>
        <source>2. The first administrator</source>
        <translation>2. 第一位管理员</translation>
    </message>
    <message>
        <source>3. Central server, or standalone</source>
        <translation>3. 中心服务器，或单机运行</translation>
    </message>
    <message>
        <source>4. Receipt printer, with a test page</source>
        <translation>4. 小票打印机（打印测试页）</translation>
    </message>
    <message>
        <source>5. Camera for member codes</source>
        <translation>5. 扫描会员码的摄像头</translation>
    </message>
    <message>
        <source>If the desk is closed before the end, setup carries on from the unfinished step at the next start.</source>
        <translation>如果在完成前关闭服务台，下次启动时会从未完成的步骤继续设置。</translation>
    </message>
</context>
<context>
    <name>WriteOffDialog</name>
    <message>
        <source>Write off a coupon</source>
        <translation>核销优惠券</translation>
    </message>
    <message>
        <source>Spend (¥), optional</source>
        <translation>消费金额（¥），选填</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Write off</source>
        <translation>核销</translation>
    </message>
    <message>
        <source>Write the coupon off now</source>
        <translation>立即核销此优惠券</translation>
    </message>
    <message>
        <source>Leave the coupon as it is</source>
        <translation>不核销，保留优惠券</translation>
    </message>
    <message>
        <source>%1 · ¥%2 off a spend of ¥%3 · valid until %4</source>
        <translation>%1 · 满 ¥%3 减 ¥%2 · 有效期至 %4</translation>
    </message>
    <message>
        <source>Coupon %1 written off: ¥%2 off.</source>
        <translation>优惠券 %1 已核销：减 ¥%2。</translation>
    </message>
</context>
<context>
    <name>_DeskDialog</name>
    <message>
        <source>%1 · %2 · %3 points</source>
        <translation>%1 · %2 · %3 积分</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Try again.</source>
        <translation>发生意外错误，未做任何更改。请重试。</translation>
    </message>
</context>
<context>
    <name>_Page</name>
    <message>
        <source>Something unexpected went wrong; try again, and see the log if it happens again.</source>
        <translation>发生意外错误；请重试，如再次出现请查看日志。</translation>
    </message>
</context>
</TS>
