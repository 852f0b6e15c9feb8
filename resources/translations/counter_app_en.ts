<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>The first administrator</translation>
    </message>
    <message>
        <source>Create the administrator's account. Administrators add the other staff and change the settings; keep the PIN safe.</source>
        <translation>Create the administrator's account. Administrators add the other staff and change the settings; keep the PIN safe.</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>&amp;Create administrator</translation>
    </message>
    <message>
        <source>Sign in to carry on</source>
        <translation>Sign in to carry on</translation>
    </message>
    <message>
        <source>The administrator was created before setup stopped. Sign in with the administrator's PIN to finish setting up.</source>
        <translation>The administrator was created before setup stopped. Sign in with the administrator's PIN to finish setting up.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Staff &amp;ID</source>
        <translation>Staff &amp;ID</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>PIN &amp;again</translation>
    </message>
    <message>
        <source>4 to 12 digits (not all one digit, not a run such as 1234), or a password of 8 to 64 characters.</source>
        <translation>4 to 12 digits (not all one digit, not a run such as 1234), or a password of 8 to 64 characters.</translation>
    </message>
    <message>
        <source>The two PINs differ; type them again.</source>
        <translation>The two PINs differ; type them again.</translation>
    </message>
    <message>
        <source>Creating the administrator…</source>
        <translation>Creating the administrator…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Audit entry {seq} was edited after it was written.</source>
        <translation>Audit entry {seq} was edited after it was written.</translation>
    </message>
    <message>
        <source>Audit entry {seq} was deleted.</source>
        <translation>Audit entry {seq} was deleted.</translation>
    </message>
    <message>
        <source>Audit entry {seq} was inserted behind the desk's back.</source>
        <translation>Audit entry {seq} was inserted behind the desk's back.</translation>
    </message>
    <message>
        <source>The audit log is intact: {count} entries checked.</source>
        <translation>The audit log is intact: {count} entries checked.</translation>
    </message>
    <message>
        <source>The audit log's head record (naming entry {seq}) was written without the desk's key: the newest entries may have been cut.</source>
        <translation>The audit log's head record (naming entry {seq}) was written without the desk's key: the newest entries may have been cut.</translation>
    </message>
    <message>
        <source>The audit log ends at entry {last}, but the central server acknowledged entries up to {acknowledged}: the newest entries were cut.</source>
        <translation>The audit log ends at entry {last}, but the central server acknowledged entries up to {acknowledged}: the newest entries were cut.</translation>
    </message>
    <message>
        <source>Audit entry {seq} is not the entry the central server acknowledged: the log was rewritten.</source>
        <translation>Audit entry {seq} is not the entry the central server acknowledged: the log was rewritten.</translation>
    </message>
    <message>
        <source>The desk's record of what the central server acknowledged (entry {seq}) was written without the desk's key.</source>
        <translation>The desk's record of what the central server acknowledged (entry {seq}) was written without the desk's key.</translation>
    </message>
    <message>
        <source>The central server refused this desk's audit log at entry {seq}: it does not continue the entries it acknowledged (up to {acknowledged}); review item {review_id}.</source>
        <translation>The central server refused this desk's audit log at entry {seq}: it does not continue the entries it acknowledged (up to {acknowledged}); review item {review_id}.</translation>
    </message>
    <message>
        <source>The central server acknowledged entries up to {seq}.</source>
        <translation>The central server acknowledged entries up to {seq}.</translation>
    </message>
    <message>
        <source>The central server has acknowledged no entry of this desk yet.</source>
        <translation>The central server has acknowledged no entry of this desk yet.</translation>
    </message>
    <message>
        <source>The central server could not be asked; checked here only. The last head it acknowledged, as known here: entry {seq} ({at}).</source>
        <translation>The central server could not be asked; checked here only. The last head it acknowledged, as known here: entry {seq} ({at}).</translation>
    </message>
    <message>
        <source>The central server could not be asked; checked here only. It has acknowledged no entry yet.</source>
        <translation>The central server could not be asked; checked here only. It has acknowledged no entry yet.</translation>
    </message>
</context>
<context>
    <name>CameraCheck</name>
    <message>
        <source>The camera's number (0 is the first), a device path such as /dev/video0, or a video file</source>
        <translation>The camera's number (0 is the first), a device path such as /dev/video0, or a video file</translation>
    </message>
    <message>
        <source>Test ca&amp;mera</source>
        <translation>Test ca&amp;mera</translation>
    </message>
    <message>
        <source>Start or stop the camera and hold a member's code up to it (Alt+M)</source>
        <translation>Start or stop the camera and hold a member's code up to it (Alt+M)</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Camera off</translation>
    </message>
    <message>
        <source>0 for the first camera, 1 for the second, a device path (/dev/video0) or a video file. Empty: no camera; the handheld scanner still works.</source>
        <translation>0 for the first camera, 1 for the second, a device path (/dev/video0) or a video file. Empty: no camera; the handheld scanner still works.</translation>
    </message>
    <message>
        <source>Type the camera first: 0 for the first camera.</source>
        <translation>Type the camera first: 0 for the first camera.</translation>
    </message>
    <message>
        <source>Starting the camera %1… Hold a member's code up to it.</source>
        <translation>Starting the camera %1… Hold a member's code up to it.</translation>
    </message>
    <message>
        <source>The camera stopped before it read a code. Press Test camera and hold a code steady about 20 cm away.</source>
        <translation>The camera stopped before it read a code. Press Test camera and hold a code steady about 20 cm away.</translation>
    </message>
    <message>
        <source>Stop ca&amp;mera</source>
        <translation>Stop ca&amp;mera</translation>
    </message>
    <message>
        <source>The camera works: it read %1.</source>
        <translation>The camera works: it read %1.</translation>
    </message>
    <message>
        <source>No camera: members are scanned with the handheld scanner or looked up by phone.</source>
        <translation>No camera: members are scanned with the handheld scanner or looked up by phone.</translation>
    </message>
    <message>
        <source>Press Test camera and hold a member's code up to it.</source>
        <translation>Press Test camera and hold a member's code up to it.</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Type the camera (0 is the first), press Test camera and hold a member's code up to it. A counter with a handheld scanner only skips this.</source>
        <translation>Type the camera (0 is the first), press Test camera and hold a member's code up to it. A counter with a handheld scanner only skips this.</translation>
    </message>
    <message>
        <source>S&amp;kip: handheld scanner only</source>
        <translation>S&amp;kip: handheld scanner only</translation>
    </message>
    <message>
        <source>Type the camera (0 for the first one), or tick “Skip: handheld scanner only”.</source>
        <translation>Type the camera (0 for the first one), or tick “Skip: handheld scanner only”.</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>Camera  F8</source>
        <translation>Camera  F8</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Camera off</translation>
    </message>
    <message>
        <source>No camera is set up; choose one in the settings (camera). The handheld scanner works meanwhile.</source>
        <translation>No camera is set up; choose one in the settings (camera). The handheld scanner works meanwhile.</translation>
    </message>
</context>
<context>
    <name>CameraWorker</name>
    <message>
        <source>No camera at “%1”. Check the cable or the camera setting; the handheld scanner and the search box still work.</source>
        <translation>No camera at “%1”. Check the cable or the camera setting; the handheld scanner and the search box still work.</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures (unplugged?). Plug it in again and press Camera; scanning with the handheld scanner still works.</source>
        <translation>The camera stopped sending pictures (unplugged?). Plug it in again and press Camera; scanning with the handheld scanner still works.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>a date as YYYY-MM-DD</source>
        <translation>a date as YYYY-MM-DD</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>12-month spend</source>
        <translation>12-month spend</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Referred by</translation>
    </message>
    <message>
        <source>No member found.</source>
        <translation>No member found.</translation>
    </message>
    <message>
        <source>More members match; type more of the name or number.</source>
        <translation>More members match; type more of the name or number.</translation>
    </message>
    <message>
        <source>The local store is ready: {path}</source>
        <translation>The local store is ready: {path}</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Operations waiting to sync</source>
        <translation>Operations waiting to sync</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>{count} demo members added.</source>
        <translation>{count} demo members added.</translation>
    </message>
    <message>
        <source>Key {fingerprint} written to {path}. Keep it offline; anyone with it and the data folder can read phone numbers.</source>
        <translation>Key {fingerprint} written to {path}. Keep it offline; anyone with it and the data folder can read phone numbers.</translation>
    </message>
    <message>
        <source>The catalog is empty.</source>
        <translation>The catalog is empty.</translation>
    </message>
    <message>
        <source>{sku} × {qty} for {points} points; balance {balance}, {stock} left in stock.</source>
        <translation>{sku} × {qty} for {points} points; balance {balance}, {stock} left in stock.</translation>
    </message>
    <message>
        <source>Birthday gift: {points} points; balance {balance}.</source>
        <translation>Birthday gift: {points} points; balance {balance}.</translation>
    </message>
    <message>
        <source>Nothing waits for approval.</source>
        <translation>Nothing waits for approval.</translation>
    </message>
    <message>
        <source>Request {approval_id} approved and carried out.</source>
        <translation>Request {approval_id} approved and carried out.</translation>
    </message>
    <message>
        <source>Request {approval_id} rejected.</source>
        <translation>Request {approval_id} rejected.</translation>
    </message>
    <message>
        <source>Enrolled with {server}: store {store}, counter no. {counter_no}.</source>
        <translation>Enrolled with {server}: store {store}, counter no. {counter_no}.</translation>
    </message>
    <message>
        <source>Report saved to {path}.</source>
        <translation>Report saved to {path}.</translation>
    </message>
    <message>
        <source>{title}, {start} to {end}</source>
        <translation>{title}, {start} to {end}</translation>
    </message>
    <message>
        <source>(nothing in this period)</source>
        <translation>(nothing in this period)</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>printing</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>printed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>copy {n}</source>
        <translation>copy {n}</translation>
    </message>
    <message>
        <source>No receipt waits for the printer.</source>
        <translation>No receipt waits for the printer.</translation>
    </message>
    <message>
        <source>Print job {job_id} cancelled; reprint it from the history when needed.</source>
        <translation>Print job {job_id} cancelled; reprint it from the history when needed.</translation>
    </message>
    <message>
        <source>{printed} printed, {waiting} waiting.</source>
        <translation>{printed} printed, {waiting} waiting.</translation>
    </message>
    <message>
        <source>The receipt did not print yet and waits in the queue as job {job_id}: {advice}</source>
        <translation>The receipt did not print yet and waits in the queue as job {job_id}: {advice}</translation>
    </message>
    <message>
        <source>Done, but the receipt was not queued: {reason}</source>
        <translation>Done, but the receipt was not queued: {reason}</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>Nothing to review.</source>
        <translation>Nothing to review.</translation>
    </message>
    <message>
        <source>Coupon {code}: {title}, {status}.</source>
        <translation>Coupon {code}: {title}, {status}.</translation>
    </message>
    <message>
        <source>Not a code: search for it with member search.</source>
        <translation>Not a code: search for it with member search.</translation>
    </message>
    <message>
        <source>member code</source>
        <translation>member code</translation>
    </message>
    <message>
        <source>printed card (limited redemption)</source>
        <translation>printed card (limited redemption)</translation>
    </message>
    <message>
        <source>event ticket</source>
        <translation>event ticket</translation>
    </message>
    <message>
        <source>Pushed {pushed} (applied {applied}, refused {rejected}, waiting {held}); pulled {pulled} changes.</source>
        <translation>Pushed {pushed} (applied {applied}, refused {rejected}, waiting {held}); pulled {pulled} changes.</translation>
    </message>
    <message>
        <source>This computer's clock differs from the server's by {seconds} s; set the clock right.</source>
        <translation>This computer's clock differs from the server's by {seconds} s; set the clock right.</translation>
    </message>
    <message>
        <source>Not enrolled: this counter works on its own.</source>
        <translation>Not enrolled: this counter works on its own.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>Oldest waiting</source>
        <translation>Oldest waiting</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Review items</source>
        <translation>Review items</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Last problem</translation>
    </message>
    <message>
        <source>Offline redemption</source>
        <translation>Offline redemption</translation>
    </message>
    <message>
        <source>up to {per_member} points per member, {left} left at this counter, until {until}</source>
        <translation>up to {per_member} points per member, {left} left at this counter, until {until}</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
    <message>
        <source>differs from the server's by {seconds} s; set the clock right</source>
        <translation>differs from the server's by {seconds} s; set the clock right</translation>
    </message>
    <message>
        <source>Member registered.</source>
        <translation>Member registered.</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Profile saved.</translation>
    </message>
    <message>
        <source>Member data written to {path}; hand it over securely.</source>
        <translation>Member data written to {path}; hand it over securely.</translation>
    </message>
    <message>
        <source>Personal data of member {member_no} erased.</source>
        <translation>Personal data of member {member_no} erased.</translation>
    </message>
    <message>
        <source>No profile changes yet.</source>
        <translation>No profile changes yet.</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>walk-in</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>answer by {when}</source>
        <translation>answer by {when}</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>Ticket no.</source>
        <translation>Ticket no.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Answer promised by</source>
        <translation>Answer promised by</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Conflict between counters:</source>
        <translation>Conflict between counters:</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>Timeline:</translation>
    </message>
    <message>
        <source>not applied</source>
        <translation>not applied</translation>
    </message>
    <message>
        <source>Compensation:</source>
        <translation>Compensation:</translation>
    </message>
    <message>
        <source>Complaint {ticket} taken; the answer is promised by {when}.</source>
        <translation>Complaint {ticket} taken; the answer is promised by {when}.</translation>
    </message>
    <message>
        <source>No complaints.</source>
        <translation>No complaints.</translation>
    </message>
    <message>
        <source>No compensation waits for a manager.</source>
        <translation>No compensation waits for a manager.</translation>
    </message>
    <message>
        <source>Compensation {request} approved.</source>
        <translation>Compensation {request} approved.</translation>
    </message>
    <message>
        <source>Compensation {request} rejected.</source>
        <translation>Compensation {request} rejected.</translation>
    </message>
    <message>
        <source>compensation for the complaint</source>
        <translation>compensation for the complaint</translation>
    </message>
    <message>
        <source>Complaint {ticket}: {state}.</source>
        <translation>Complaint {ticket}: {state}.</translation>
    </message>
    <message>
        <source>Compensation {kind}:{value} requested; a manager decides it: complaint decide {request}</source>
        <translation>Compensation {kind}:{value} requested; a manager decides it: complaint decide {request}</translation>
    </message>
    <message>
        <source>No coupons.</source>
        <translation>No coupons.</translation>
    </message>
    <message>
        <source>Coupon {code} written off: ¥{value} off.</source>
        <translation>Coupon {code} written off: ¥{value} off.</translation>
    </message>
    <message>
        <source>Coupon {code} issued for {points} points; balance {balance}.</source>
        <translation>Coupon {code} issued for {points} points; balance {balance}.</translation>
    </message>
    <message>
        <source>Coupon type {type} saved.</source>
        <translation>Coupon type {type} saved.</translation>
    </message>
    <message>
        <source>{points} points earned; balance {balance}, tier {tier}.</source>
        <translation>{points} points earned; balance {balance}, tier {tier}.</translation>
    </message>
    <message>
        <source>Upgraded to {tier}!</source>
        <translation>Upgraded to {tier}!</translation>
    </message>
    <message>
        <source>{points} points paid out as ¥{yuan}; balance {balance}.</source>
        <translation>{points} points paid out as ¥{yuan}; balance {balance}.</translation>
    </message>
    <message>
        <source>No points yet.</source>
        <translation>No points yet.</translation>
    </message>
    <message>
        <source>Operation {op_id} voided; balance {balance}.</source>
        <translation>Operation {op_id} voided; balance {balance}.</translation>
    </message>
    <message>
        <source>{points} points given from {giver} to {receiver}; balances {giver_balance} and {receiver_balance}.</source>
        <translation>{points} points given from {giver} to {receiver}; balances {giver_balance} and {receiver_balance}.</translation>
    </message>
    <message>
        <source>{points} points expired; {members} members moved down a tier at their anniversary.</source>
        <translation>{points} points expired; {members} members moved down a tier at their anniversary.</translation>
    </message>
    <message>
        <source>answer due {when}</source>
        <translation>answer due {when}</translation>
    </message>
    <message>
        <source>{ref} approved.</source>
        <translation>{ref} approved.</translation>
    </message>
    <message>
        <source>{ref} rejected.</source>
        <translation>{ref} rejected.</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>upcoming</translation>
    </message>
    <message>
        <source>check-in open</source>
        <translation>check-in open</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} points</translation>
    </message>
    <message>
        <source>{places} signed up, {checked} checked in</source>
        <translation>{places} signed up, {checked} checked in</translation>
    </message>
    <message>
        <source>Event set up:</source>
        <translation>Event set up:</translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation>No events yet.</translation>
    </message>
    <message>
        <source>Member {member_no} signed up for {event}.</source>
        <translation>Member {member_no} signed up for {event}.</translation>
    </message>
    <message>
        <source>{left} places left.</source>
        <translation>{left} places left.</translation>
    </message>
    <message>
        <source>Member {member_no} checked in at {event}: {points} points, balance {balance}.</source>
        <translation>Member {member_no} checked in at {event}: {points} points, balance {balance}.</translation>
    </message>
    <message>
        <source>Not signed up before: signed up at the door.</source>
        <translation>Not signed up before: signed up at the door.</translation>
    </message>
    <message>
        <source>PIN for {staff_id}: </source>
        <translation>PIN for {staff_id}: </translation>
    </message>
    <message>
        <source>Staff account {staff_id} ({role}) added.</source>
        <translation>Staff account {staff_id} ({role}) added.</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>locked until</source>
        <translation>locked until</translation>
    </message>
    <message>
        <source>New PIN for {staff_id}: </source>
        <translation>New PIN for {staff_id}: </translation>
    </message>
    <message>
        <source>Staff account {staff_id} changed.</source>
        <translation>Staff account {staff_id} changed.</translation>
    </message>
    <message>
        <source>Again: </source>
        <translation>Again: </translation>
    </message>
    <message>
        <source>Manager {staff_id}'s PIN: </source>
        <translation>Manager {staff_id}'s PIN: </translation>
    </message>
    <message>
        <source>Key {fingerprint} restored; the desk can open its store again.</source>
        <translation>Key {fingerprint} restored; the desk can open its store again.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing more was changed. Details are in {log}.</source>
        <translation>Something unexpected went wrong; nothing more was changed. Details are in {log}.</translation>
    </message>
    <message>
        <source>No screen to show the desk on: start it from a desktop session, or use the command line (counter-app --help).</source>
        <translation>No screen to show the desk on: start it from a desktop session, or use the command line (counter-app --help).</translation>
    </message>
</context>
<context>
    <name>ComplaintActionDialog</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Back to the complaint, nothing changed</source>
        <translation>Back to the complaint, nothing changed</translation>
    </message>
</context>
<context>
    <name>ComplaintDetail</name>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Answer promised by</source>
        <translation>Answer promised by</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Root cause · satisfaction</source>
        <translation>Root cause · satisfaction</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <source>Record (newest first)</source>
        <translation>Record (newest first)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Tell the customer the complaint was received: the first answer, which stops the clock</source>
        <translation>Tell the customer the complaint was received: the first answer, which stops the clock</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>Start work</translation>
    </message>
    <message>
        <source>Work on it starts</source>
        <translation>Work on it starts</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <source>Resolved, with its root cause</source>
        <translation>Resolved, with its root cause</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>Closed with the customer's satisfaction, 1 to 5</source>
        <translation>Closed with the customer's satisfaction, 1 to 5</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>Escalate…</translation>
    </message>
    <message>
        <source>Hand it to a manager, with the reason</source>
        <translation>Hand it to a manager, with the reason</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <source>What was said or done</source>
        <translation>What was said or done</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>Hand it to a staff member of this desk</source>
        <translation>Hand it to a staff member of this desk</translation>
    </message>
    <message>
        <source>Compensation…</source>
        <translation>Compensation…</translation>
    </message>
    <message>
        <source>Ask a manager for points, a coupon or a gift for the customer</source>
        <translation>Ask a manager for points, a coupon or a gift for the customer</translation>
    </message>
    <message>
        <source>Ticket…</source>
        <translation>Ticket…</translation>
    </message>
    <message>
        <source>The customer's complaint ticket as it prints; print it again from there</source>
        <translation>The customer's complaint ticket as it prints; print it again from there</translation>
    </message>
    <message>
        <source>No complaint selected</source>
        <translation>No complaint selected</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Two counters disagree about this complaint: %1</source>
        <translation>Two counters disagree about this complaint: %1</translation>
    </message>
    <message>
        <source>%1 (walk-in)</source>
        <translation>%1 (walk-in)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 by %2</translation>
    </message>
    <message>
        <source>escalated: %1</source>
        <translation>escalated: %1</translation>
    </message>
    <message>
        <source>%1 (not applied)</source>
        <translation>%1 (not applied)</translation>
    </message>
    <message>
        <source>%1 · counter %2</source>
        <translation>%1 · counter %2</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Try again.</source>
        <translation>Something unexpected went wrong; nothing was changed. Try again.</translation>
    </message>
    <message>
        <source>%1 acknowledged: the customer has had the first answer.</source>
        <translation>%1 acknowledged: the customer has had the first answer.</translation>
    </message>
    <message>
        <source>%1 reopened.</source>
        <translation>%1 reopened.</translation>
    </message>
    <message>
        <source>Work on %1 started.</source>
        <translation>Work on %1 started.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <source>Why does a manager take this complaint over? The reason goes into its record.</source>
        <translation>Why does a manager take this complaint over? The reason goes into its record.</translation>
    </message>
    <message>
        <source>%1 escalated to a manager.</source>
        <translation>%1 escalated to a manager.</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Add a note</translation>
    </message>
    <message>
        <source>What was said or done:</source>
        <translation>What was said or done:</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Note added to %1.</source>
        <translation>Note added to %1.</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>The staff ID of the person who answers for it from now on (e.g. S012):</source>
        <translation>The staff ID of the person who answers for it from now on (e.g. S012):</translation>
    </message>
    <message>
        <source>%1 assigned.</source>
        <translation>%1 assigned.</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>What caused it? The root cause goes into the chain's reports.</source>
        <translation>What caused it? The root cause goes into the chain's reports.</translation>
    </message>
    <message>
        <source>Optional: what was done</source>
        <translation>Optional: what was done</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <source>%1 resolved.</source>
        <translation>%1 resolved.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>How satisfied is the customer with the outcome? Ask them: 1 very unhappy … 5 very happy (keys 1 to 5).</source>
        <translation>How satisfied is the customer with the outcome? Ask them: 1 very unhappy … 5 very happy (keys 1 to 5).</translation>
    </message>
    <message>
        <source>The customer's satisfaction: %1 of 5</source>
        <translation>The customer's satisfaction: %1 of 5</translation>
    </message>
    <message>
        <source>Optional: what the customer said</source>
        <translation>Optional: what the customer said</translation>
    </message>
    <message>
        <source>%1 closed.</source>
        <translation>%1 closed.</translation>
    </message>
    <message>
        <source>Ask for compensation</source>
        <translation>Ask for compensation</translation>
    </message>
    <message>
        <source>A manager decides in their queue (Ctrl+M). At most %1 points by the chain's rules.</source>
        <translation>A manager decides in their queue (Ctrl+M). At most %1 points by the chain's rules.</translation>
    </message>
    <message>
        <source>Ask a manager</source>
        <translation>Ask a manager</translation>
    </message>
    <message>
        <source>Points, a coupon type (C10) or a gift code (G-UMB)</source>
        <translation>Points, a coupon type (C10) or a gift code (G-UMB)</translation>
    </message>
    <message>
        <source>Why, in a sentence</source>
        <translation>Why, in a sentence</translation>
    </message>
    <message>
        <source>As</source>
        <translation>As</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Compensation for %1 waits for a manager (Ctrl+M).</source>
        <translation>Compensation for %1 waits for a manager (Ctrl+M).</translation>
    </message>
</context>
<context>
    <name>ComplaintIntakeDialog</name>
    <message>
        <source>Take a complaint</source>
        <translation>Take a complaint</translation>
    </message>
    <message>
        <source>From member %1 · %2 · %3</source>
        <translation>From member %1 · %2 · %3</translation>
    </message>
    <message>
        <source>From a walk-in customer (not a member): a name and a phone for the callback are optional.</source>
        <translation>From a walk-in customer (not a member): a name and a phone for the callback are optional.</translation>
    </message>
    <message>
        <source>Optional: the shop or place, e.g. 优衣库 3F</source>
        <translation>Optional: the shop or place, e.g. 优衣库 3F</translation>
    </message>
    <message>
        <source>What happened, in the customer's words</source>
        <translation>What happened, in the customer's words</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Optional: a mobile number for the callback</source>
        <translation>Optional: a mobile number for the callback</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Customer's name</source>
        <translation>Customer's name</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>Tab  next field  ·  Enter  take the complaint  ·  Shift+Enter  new line  ·  Esc  cancel</source>
        <translation>Tab  next field  ·  Enter  take the complaint  ·  Shift+Enter  new line  ·  Esc  cancel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close without taking the complaint</source>
        <translation>Close without taking the complaint</translation>
    </message>
    <message>
        <source>Take complaint and print ticket</source>
        <translation>Take complaint and print ticket</translation>
    </message>
    <message>
        <source>Take the complaint and print the customer's ticket</source>
        <translation>Take the complaint and print the customer's ticket</translation>
    </message>
    <message>
        <source>The customer is promised an answer within %1 hours; the ticket says by when.</source>
        <translation>The customer is promised an answer within %1 hours; the ticket says by when.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was saved. Try again.</source>
        <translation>Something unexpected went wrong; nothing was saved. Try again.</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <source>Service attitude</source>
        <translation>Service attitude</translation>
    </message>
    <message>
        <source>Response speed</source>
        <translation>Response speed</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>After-sales</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>Product quality</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Staff conduct</source>
        <translation>Staff conduct</translation>
    </message>
    <message>
        <source>Process or policy</source>
        <translation>Process or policy</translation>
    </message>
    <message>
        <source>Product defect</source>
        <translation>Product defect</translation>
    </message>
    <message>
        <source>Pricing error</source>
        <translation>Pricing error</translation>
    </message>
    <message>
        <source>Facility or environment</source>
        <translation>Facility or environment</translation>
    </message>
    <message>
        <source>Misunderstanding</source>
        <translation>Misunderstanding</translation>
    </message>
    <message>
        <source>Third party (tenant, supplier)</source>
        <translation>Third party (tenant, supplier)</translation>
    </message>
    <message>
        <source>Other cause</source>
        <translation>Other cause</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>Work started</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Compensation requested</source>
        <translation>Compensation requested</translation>
    </message>
    <message>
        <source>Compensation decided</source>
        <translation>Compensation decided</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>waiting for a manager</source>
        <translation>waiting for a manager</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>On track</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Answer late</source>
        <translation>Answer late</translation>
    </message>
    <message>
        <source>Answered in time</source>
        <translation>Answered in time</translation>
    </message>
    <message>
        <source>Counter {first_counter}: {first}; counter {second_counter}: {second} — both from {state}. The later one ({second}) stands; check the outcome with both counters.</source>
        <translation>Counter {first_counter}: {first}; counter {second_counter}: {second} — both from {state}. The later one ({second}) stands; check the outcome with both counters.</translation>
    </message>
    <message>
        <source>Counter {first_counter}: {first}; counter {second_counter}: {second} — both from {state}. {second} was not applied (not possible after {first}); check with both counters.</source>
        <translation>Counter {first_counter}: {first}; counter {second_counter}: {second} — both from {state}. {second} was not applied (not possible after {first}); check with both counters.</translation>
    </message>
    <message>
        <source>Compensation request {request} was decided at counter {first_counter} and again at counter {second_counter}; the first decision stands. Check the member's points and coupons for a double compensation.</source>
        <translation>Compensation request {request} was decided at counter {first_counter} and again at counter {second_counter}; the first decision stands. Check the member's points and coupons for a double compensation.</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
</context>
<context>
    <name>ComplaintsDialog</name>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Only complaints past their answer promise</source>
        <translation>Only complaints past their answer promise</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Every complaint still open</source>
        <translation>Every complaint still open</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Every complaint, closed ones too</source>
        <translation>Every complaint, closed ones too</translation>
    </message>
    <message>
        <source>Walk-in complaint…</source>
        <translation>Walk-in complaint…</translation>
    </message>
    <message>
        <source>Take a complaint from a customer who is not a member</source>
        <translation>Take a complaint from a customer who is not a member</translation>
    </message>
    <message>
        <source>↑↓  choose  ·  F5  refresh  ·  Esc  close</source>
        <translation>↑↓  choose  ·  F5  refresh  ·  Esc  close</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the complaints</source>
        <translation>Close the complaints</translation>
    </message>
    <message>
        <source>%1 shown · %2 overdue</source>
        <translation>%1 shown · %2 overdue</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 shown</translation>
    </message>
    <message>
        <source>No complaint is overdue: every customer was answered within the promise.</source>
        <translation>No complaint is overdue: every customer was answered within the promise.</translation>
    </message>
    <message>
        <source>No open complaints.</source>
        <translation>No open complaints.</translation>
    </message>
    <message>
        <source>No complaints have been taken at this desk yet.</source>
        <translation>No complaints have been taken at this desk yet.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; try again.</source>
        <translation>Something unexpected went wrong; try again.</translation>
    </message>
</context>
<context>
    <name>ComplaintsModel</name>
    <message>
        <source>Answered in time</source>
        <translation>Answered in time</translation>
    </message>
    <message>
        <source>Answered late</source>
        <translation>Answered late</translation>
    </message>
    <message>
        <source>Late by %1</source>
        <translation>Late by %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>Walk-in customer</source>
        <translation>Walk-in customer</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>%1 · answer promised by %2</source>
        <translation>%1 · answer promised by %2</translation>
    </message>
    <message>
        <source>%1 · taken %2</source>
        <translation>%1 · taken %2</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Something unexpected went wrong at the desk.</source>
        <translation>Something unexpected went wrong at the desk.</translation>
    </message>
    <message>
        <source>Your last completed operation is saved. Check the screen: if what you were doing is not shown as done, do it again. If this keeps happening, click "Copy diagnostics" and send the text to support.</source>
        <translation>Your last completed operation is saved. Check the screen: if what you were doing is not shown as done, do it again. If this keeps happening, click "Copy diagnostics" and send the text to support.</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Copy diagnostics</translation>
    </message>
    <message>
        <source>Show log</source>
        <translation>Show log</translation>
    </message>
    <message>
        <source>This happened %1 times; each time is in the log.</source>
        <translation>This happened %1 times; each time is in the log.</translation>
    </message>
    <message>
        <source>The diagnostics could not be gathered; click "Show log" and read it to support instead.</source>
        <translation>The diagnostics could not be gathered; click "Show log" and read it to support instead.</translation>
    </message>
    <message>
        <source>Diagnostics copied: paste them into your message to support.</source>
        <translation>Diagnostics copied: paste them into your message to support.</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <source>No Chinese font found: install fonts-noto-cjk so names show correctly.</source>
        <translation>No Chinese font found: install fonts-noto-cjk so names show correctly.</translation>
    </message>
    <message>
        <source>Member Service Desk</source>
        <translation>Member Service Desk</translation>
    </message>
    <message>
        <source>Could not write %1; check the folder exists and can be written.</source>
        <translation>Could not write %1; check the folder exists and can be written.</translation>
    </message>
</context>
<context>
    <name>DeviceChecks</name>
    <message>
        <source>Ready: the printer at %1 answers and has paper.</source>
        <translation>Ready: the printer at %1 answers and has paper.</translation>
    </message>
    <message>
        <source>Connected to %1; this printer cannot report paper or cover, so print a test page to be sure.</source>
        <translation>Connected to %1; this printer cannot report paper or cover, so print a test page to be sure.</translation>
    </message>
    <message>
        <source>Out of paper — load a roll into the printer at %1.</source>
        <translation>Out of paper — load a roll into the printer at %1.</translation>
    </message>
    <message>
        <source>The cover of the printer at %1 is open — close it.</source>
        <translation>The cover of the printer at %1 is open — close it.</translation>
    </message>
    <message>
        <source>The printer at %1 is offline: check its power and its error light.</source>
        <translation>The printer at %1 is offline: check its power and its error light.</translation>
    </message>
    <message>
        <source>Cannot reach %1; check the cable and the address, and that the printer is on.</source>
        <translation>Cannot reach %1; check the cable and the address, and that the printer is on.</translation>
    </message>
    <message>
        <source>The printer at %1 does not answer; switch it off and on again.</source>
        <translation>The printer at %1 does not answer; switch it off and on again.</translation>
    </message>
    <message>
        <source>a member's code from the phone</source>
        <translation>a member's code from the phone</translation>
    </message>
    <message>
        <source>a printed member card</source>
        <translation>a printed member card</translation>
    </message>
    <message>
        <source>a coupon</source>
        <translation>a coupon</translation>
    </message>
    <message>
        <source>an event ticket</source>
        <translation>an event ticket</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; try again, and see the log if it happens again.</source>
        <translation>Something unexpected went wrong; try again, and see the log if it happens again.</translation>
    </message>
    <message>
        <source>a code of another system</source>
        <translation>a code of another system</translation>
    </message>
    <message>
        <source>plain text of %1 characters (a printed barcode or a phone number)</source>
        <translation>plain text of %1 characters (a printed barcode or a phone number)</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>The desk is ready</source>
        <translation>The desk is ready</translation>
    </message>
    <message>
        <source>Check what was set, then press Finish (Enter) to open the desk, signed in as the administrator.</source>
        <translation>Check what was set, then press Finish (Enter) to open the desk, signed in as the administrator.</translation>
    </message>
    <message>
        <source>This counter</source>
        <translation>This counter</translation>
    </message>
    <message>
        <source>Keys to know</source>
        <translation>Keys to know</translation>
    </message>
    <message>
        <source>Register a member</source>
        <translation>Register a member</translation>
    </message>
    <message>
        <source>Points for a purchase</source>
        <translation>Points for a purchase</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>Redeem points</translation>
    </message>
    <message>
        <source>Take a complaint</source>
        <translation>Take a complaint</translation>
    </message>
    <message>
        <source>Lock the desk when you step away</source>
        <translation>Lock the desk when you step away</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Store: %1</translation>
    </message>
    <message>
        <source>Counter: %1 (number %2)</source>
        <translation>Counter: %1 (number %2)</translation>
    </message>
    <message>
        <source>Administrator: %1 %2</source>
        <translation>Administrator: %1 %2</translation>
    </message>
    <message>
        <source>Central server: %1 (store %2)</source>
        <translation>Central server: %1 (store %2)</translation>
    </message>
    <message>
        <source>Central server: standalone</source>
        <translation>Central server: standalone</translation>
    </message>
    <message>
        <source>Printer: %1, %2 mm paper</source>
        <translation>Printer: %1, %2 mm paper</translation>
    </message>
    <message>
        <source>Printer: none</source>
        <translation>Printer: none</translation>
    </message>
    <message>
        <source>Camera: %1</source>
        <translation>Camera: %1</translation>
    </message>
    <message>
        <source>Camera: none (handheld scanner only)</source>
        <translation>Camera: none (handheld scanner only)</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
</context>
<context>
    <name>EarnDialog</name>
    <message>
        <source>Earn points from a slip</source>
        <translation>Earn points from a slip</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 1234.50</source>
        <translation>Amount in yuan, e.g. 1234.50</translation>
    </message>
    <message>
        <source>Scan or type the slip number</source>
        <translation>Scan or type the slip number</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>Amount (¥)</translation>
    </message>
    <message>
        <source>Slip no.</source>
        <translation>Slip no.</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Add points</source>
        <translation>Add points</translation>
    </message>
    <message>
        <source>Close without adding points</source>
        <translation>Close without adding points</translation>
    </message>
    <message>
        <source>Add the points from this slip</source>
        <translation>Add the points from this slip</translation>
    </message>
    <message>
        <source>%1 points earned; balance %2, %3.</source>
        <translation>%1 points earned; balance %2, %3.</translation>
    </message>
    <message>
        <source>Upgraded to %1!</source>
        <translation>Upgraded to %1!</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{count} fields need correcting: {first}</source>
        <translation>{count} fields need correcting: {first}</translation>
    </message>
    <message>
        <source>{variable} holds something that is not text (bytes that are not UTF-8); set it again.</source>
        <translation>{variable} holds something that is not text (bytes that are not UTF-8); set it again.</translation>
    </message>
    <message>
        <source>--limit must be between 1 and 1000.</source>
        <translation>--limit must be between 1 and 1000.</translation>
    </message>
    <message>
        <source>Name the member (phone or member number), or say --walk-in for a customer who is not a member.</source>
        <translation>Name the member (phone or member number), or say --walk-in for a customer who is not a member.</translation>
    </message>
    <message>
        <source>Say whom the complaint goes to: --to STAFF_ID.</source>
        <translation>Say whom the complaint goes to: --to STAFF_ID.</translation>
    </message>
    <message>
        <source>The first account on a new desk must be an administrator (--role admin).</source>
        <translation>The first account on a new desk must be an administrator (--role admin).</translation>
    </message>
    <message>
        <source>Use --enable or --disable, not both.</source>
        <translation>Use --enable or --disable, not both.</translation>
    </message>
    <message>
        <source>No terminal to ask for the PIN on: put it in {variable}.</source>
        <translation>No terminal to ask for the PIN on: put it in {variable}.</translation>
    </message>
    <message>
        <source>The two PINs differ; nothing was changed.</source>
        <translation>The two PINs differ; nothing was changed.</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file name.</source>
        <translation>{path} exists already; choose a new file name.</translation>
    </message>
    <message>
        <source>{path} cannot be written ({reason}).</source>
        <translation>{path} cannot be written ({reason}).</translation>
    </message>
    <message>
        <source>Name the receipt: an operation id, or --job N.</source>
        <translation>Name the receipt: an operation id, or --job N.</translation>
    </message>
    <message>
        <source>Sign in first: this needs a staff member at the desk.</source>
        <translation>Sign in first: this needs a staff member at the desk.</translation>
    </message>
    <message>
        <source>Give either --code (the member is here) or --override-reason (a manager vouches), not both.</source>
        <translation>Give either --code (the member is here) or --override-reason (a manager vouches), not both.</translation>
    </message>
    <message>
        <source>There is no setting called {key}; the settings are: {keys}.</source>
        <translation>There is no setting called {key}; the settings are: {keys}.</translation>
    </message>
    <message>
        <source>The setting {key} must be {rule}; “{value}” is not.</source>
        <translation>The setting {key} must be {rule}; “{value}” is not.</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read ({reason}); fix it or delete it to start from the defaults.</source>
        <translation>The settings file {path} cannot be read ({reason}); fix it or delete it to start from the defaults.</translation>
    </message>
    <message>
        <source>The rules file {path} cannot be read ({reason}).</source>
        <translation>The rules file {path} cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>The desk cannot write its data file {path}: it is read-only. Ask IT to give the desk write access to that folder, or choose another data folder with --data-dir.</source>
        <translation>The desk cannot write its data file {path}: it is read-only. Ask IT to give the desk write access to that folder, or choose another data folder with --data-dir.</translation>
    </message>
    <message>
        <source>The data file {path} is damaged or is not a desk database. It was left untouched; restore it from a backup or choose another data folder with --data-dir.</source>
        <translation>The data file {path} is damaged or is not a desk database. It was left untouched; restore it from a backup or choose another data folder with --data-dir.</translation>
    </message>
    <message>
        <source>Another program is writing to the desk's data file {path}; wait a moment and try again.</source>
        <translation>Another program is writing to the desk's data file {path}; wait a moment and try again.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full; free some space and try again.</source>
        <translation>The disk holding {path} is full; free some space and try again.</translation>
    </message>
    <message>
        <source>The desk's data file {path} could not be used ({reason}).</source>
        <translation>The desk's data file {path} could not be used ({reason}).</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be created ({reason}); choose another one with --data-dir.</source>
        <translation>The data folder {path} cannot be created ({reason}); choose another one with --data-dir.</translation>
    </message>
    <message>
        <source>The data file {path} has lost the record of its data key; restore the file from a backup. Nothing was changed.</source>
        <translation>The data file {path} has lost the record of its data key; restore the file from a backup. Nothing was changed.</translation>
    </message>
    <message>
        <source>The data file {path} was written by a newer version of the desk; install that version (or newer) to open it.</source>
        <translation>The data file {path} was written by a newer version of the desk; install that version (or newer) to open it.</translation>
    </message>
    <message>
        <source>Enter the member's mobile number.</source>
        <translation>Enter the member's mobile number.</translation>
    </message>
    <message>
        <source>A mobile number has only digits; remove the letters or symbols.</source>
        <translation>A mobile number has only digits; remove the letters or symbols.</translation>
    </message>
    <message>
        <source>This is not a phone number: enter the 11-digit mobile number, e.g. 13800138000.</source>
        <translation>This is not a phone number: enter the 11-digit mobile number, e.g. 13800138000.</translation>
    </message>
    <message>
        <source>Only mainland China mobile numbers (+86) can be registered; this number is from {region}.</source>
        <translation>Only mainland China mobile numbers (+86) can be registered; this number is from {region}.</translation>
    </message>
    <message>
        <source>This is a landline number; register the member's mobile number.</source>
        <translation>This is a landline number; register the member's mobile number.</translation>
    </message>
    <message>
        <source>The mobile number is too short: it has {count} digits, it needs 11.</source>
        <translation>The mobile number is too short: it has {count} digits, it needs 11.</translation>
    </message>
    <message>
        <source>The mobile number is too long: it has {count} digits, it needs 11.</source>
        <translation>The mobile number is too long: it has {count} digits, it needs 11.</translation>
    </message>
    <message>
        <source>{digits} is not a mainland mobile number; check the digits.</source>
        <translation>{digits} is not a mainland mobile number; check the digits.</translation>
    </message>
    <message>
        <source>Enter the member's name.</source>
        <translation>Enter the member's name.</translation>
    </message>
    <message>
        <source>The name is too long: at most {limit} characters, this one has {count}.</source>
        <translation>The name is too long: at most {limit} characters, this one has {count}.</translation>
    </message>
    <message>
        <source>A name may contain only letters, spaces and · . ' -; remove “{char}”.</source>
        <translation>A name may contain only letters, spaces and · . ' -; remove “{char}”.</translation>
    </message>
    <message>
        <source>Gender is F (female) or M (male), or leave it empty.</source>
        <translation>Gender is F (female) or M (male), or leave it empty.</translation>
    </message>
    <message>
        <source>Enter the birthday as YYYY-MM-DD, e.g. 1990-05-17.</source>
        <translation>Enter the birthday as YYYY-MM-DD, e.g. 1990-05-17.</translation>
    </message>
    <message>
        <source>{text} is not a date on the calendar; check the month and day.</source>
        <translation>{text} is not a date on the calendar; check the month and day.</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation>The birthday cannot be in the future.</translation>
    </message>
    <message>
        <source>The birthday cannot be before 1900-01-01; check the year.</source>
        <translation>The birthday cannot be before 1900-01-01; check the year.</translation>
    </message>
    <message>
        <source>The ID number's check character is wrong; check every digit and the last character.</source>
        <translation>The ID number's check character is wrong; check every digit and the last character.</translation>
    </message>
    <message>
        <source>A resident ID number has 18 characters: 17 digits, then a digit or X.</source>
        <translation>A resident ID number has 18 characters: 17 digits, then a digit or X.</translation>
    </message>
    <message>
        <source>The ID number holds an impossible birth date or region; check it against the card.</source>
        <translation>The ID number holds an impossible birth date or region; check it against the card.</translation>
    </message>
    <message>
        <source>The birthday differs from the one in the ID number ({born}); correct one of them.</source>
        <translation>The birthday differs from the one in the ID number ({born}); correct one of them.</translation>
    </message>
    <message>
        <source>The member must agree to the privacy notice before registering.</source>
        <translation>The member must agree to the privacy notice before registering.</translation>
    </message>
    <message>
        <source>The search text is too long; type at most {limit} characters.</source>
        <translation>The search text is too long; type at most {limit} characters.</translation>
    </message>
    <message>
        <source>No member number has this check digit; check the digits on the card.</source>
        <translation>No member number has this check digit; check the digits on the card.</translation>
    </message>
    <message>
        <source>A member number is M followed by 12 digits; check the card.</source>
        <translation>A member number is M followed by 12 digits; check the card.</translation>
    </message>
    <message>
        <source>Type the last 4 digits of the phone, or the whole phone or member number.</source>
        <translation>Type the last 4 digits of the phone, or the whole phone or member number.</translation>
    </message>
    <message>
        <source>Type a phone number, member number, name or pinyin initials.</source>
        <translation>Type a phone number, member number, name or pinyin initials.</translation>
    </message>
    <message>
        <source>This desk is enrolled with the central server; demo members are only for a desk on its own (use a new data folder).</source>
        <translation>This desk is enrolled with the central server; demo members are only for a desk on its own (use a new data folder).</translation>
    </message>
    <message>
        <source>The number of demo members must be between 1 and {limit}.</source>
        <translation>The number of demo members must be between 1 and {limit}.</translation>
    </message>
    <message>
        <source>“{ref}” is neither a mobile number nor a member number (M and 12 digits).</source>
        <translation>“{ref}” is neither a mobile number nor a member number (M and 12 digits).</translation>
    </message>
    <message>
        <source>No member has the phone or member number {ref}; check it, or register the member.</source>
        <translation>No member has the phone or member number {ref}; check it, or register the member.</translation>
    </message>
    <message>
        <source>The result limit must be at least 1.</source>
        <translation>The result limit must be at least 1.</translation>
    </message>
    <message>
        <source>This phone is already registered: member {member_no}.</source>
        <translation>This phone is already registered: member {member_no}.</translation>
    </message>
    <message>
        <source>No member has the phone or member number {ref}; check the referrer.</source>
        <translation>No member has the phone or member number {ref}; check the referrer.</translation>
    </message>
    <message>
        <source>Changing a member's phone number (their member ID) needs a manager's authority.</source>
        <translation>Changing a member's phone number (their member ID) needs a manager's authority.</translation>
    </message>
    <message>
        <source>The data key of this store (fingerprint {fingerprint}) is missing from the keyring and from {path}. Restore it from the key backup with: counter-app key import FILE. Nothing was changed; without the key, phone and ID numbers cannot be read.</source>
        <translation>The data key of this store (fingerprint {fingerprint}) is missing from the keyring and from {path}. Restore it from the key backup with: counter-app key import FILE. Nothing was changed; without the key, phone and ID numbers cannot be read.</translation>
    </message>
    <message>
        <source>The key backup {path} cannot be read ({reason}).</source>
        <translation>The key backup {path} cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>{path} is not a desk key backup.</source>
        <translation>{path} is not a desk key backup.</translation>
    </message>
    <message>
        <source>A sealed value in the store does not open with this store's key: the file was altered or the wrong key restored. Call support; nothing was changed.</source>
        <translation>A sealed value in the store does not open with this store's key: the file was altered or the wrong key restored. Call support; nothing was changed.</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file name for the key backup.</source>
        <translation>{path} exists already; choose a new file name for the key backup.</translation>
    </message>
    <message>
        <source>The key backup {path} cannot be written ({reason}).</source>
        <translation>The key backup {path} cannot be written ({reason}).</translation>
    </message>
    <message>
        <source>There is no desk store in {path}; check --data-dir.</source>
        <translation>There is no desk store in {path}; check --data-dir.</translation>
    </message>
    <message>
        <source>That key belongs to another store (fingerprint {found}, this store needs {needed}); nothing was changed.</source>
        <translation>That key belongs to another store (fingerprint {found}, this store needs {needed}); nothing was changed.</translation>
    </message>
    <message>
        <source>A staff ID is 2 to 20 letters, digits, dots, dashes or underscores, e.g. S012.</source>
        <translation>A staff ID is 2 to 20 letters, digits, dots, dashes or underscores, e.g. S012.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits.</source>
        <translation>A PIN has 4 to 12 digits.</translation>
    </message>
    <message>
        <source>That PIN is too easy to guess (all one digit, or a run); choose another.</source>
        <translation>That PIN is too easy to guess (all one digit, or a run); choose another.</translation>
    </message>
    <message>
        <source>Use a PIN of 4 to 12 digits, or a password of 8 to 64 characters.</source>
        <translation>Use a PIN of 4 to 12 digits, or a password of 8 to 64 characters.</translation>
    </message>
    <message>
        <source>The role is one of: cashier, clerk, manager, admin.</source>
        <translation>The role is one of: cashier, clerk, manager, admin.</translation>
    </message>
    <message>
        <source>This member has earned no points yet, so there is no receipt to show; give --member of one who has.</source>
        <translation>This member has earned no points yet, so there is no receipt to show; give --member of one who has.</translation>
    </message>
    <message>
        <source>This page shows a member, and the desk has none yet: register one, or run demo-data first.</source>
        <translation>This page shows a member, and the desk has none yet: register one, or run demo-data first.</translation>
    </message>
    <message>
        <source>This page shows member data: give --staff, with the PIN in COUNTER_PIN.</source>
        <translation>This page shows member data: give --staff, with the PIN in COUNTER_PIN.</translation>
    </message>
    <message>
        <source>Held for a manager's approval as request {approval_id}; nothing is changed until a manager approves it.</source>
        <translation>Held for a manager's approval as request {approval_id}; nothing is changed until a manager approves it.</translation>
    </message>
    <message>
        <source>{action} cannot wait for approval; ask a manager to do it now.</source>
        <translation>{action} cannot wait for approval; ask a manager to do it now.</translation>
    </message>
    <message>
        <source>There is no approval request {approval_id}.</source>
        <translation>There is no approval request {approval_id}.</translation>
    </message>
    <message>
        <source>Request {approval_id} was already carried out as operation {op_id}; it is closed and cannot run again.</source>
        <translation>Request {approval_id} was already carried out as operation {op_id}; it is closed and cannot run again.</translation>
    </message>
    <message>
        <source>Request {approval_id} was {status} already.</source>
        <translation>Request {approval_id} was {status} already.</translation>
    </message>
    <message>
        <source>Give a reason for the rejection; the requester will see it.</source>
        <translation>Give a reason for the rejection; the requester will see it.</translation>
    </message>
    <message>
        <source>This desk has staff accounts already; an administrator adds new ones after signing in.</source>
        <translation>This desk has staff accounts already; an administrator adds new ones after signing in.</translation>
    </message>
    <message>
        <source>Staff ID {staff_id} is taken; choose another.</source>
        <translation>Staff ID {staff_id} is taken; choose another.</translation>
    </message>
    <message>
        <source>You cannot disable or demote your own account; ask another administrator.</source>
        <translation>You cannot disable or demote your own account; ask another administrator.</translation>
    </message>
    <message>
        <source>There is no staff member {staff_id}.</source>
        <translation>There is no staff member {staff_id}.</translation>
    </message>
    <message>
        <source>Unknown staff ID or wrong PIN; try again.</source>
        <translation>Unknown staff ID or wrong PIN; try again.</translation>
    </message>
    <message>
        <source>Account {staff_id} is disabled; sign in with another account.</source>
        <translation>Account {staff_id} is disabled; sign in with another account.</translation>
    </message>
    <message>
        <source>Account {staff_id} is locked after {attempts} wrong PINs until {until}; wait, or ask an administrator to unlock it.</source>
        <translation>Account {staff_id} is locked after {attempts} wrong PINs until {until}; wait, or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <source>{staff_id} may not authorise this either; ask a manager.</source>
        <translation>{staff_id} may not authorise this either; ask a manager.</translation>
    </message>
    <message>
        <source>Sign in first: this needs a staff member at the desk (on the command line: --staff ID, PIN in COUNTER_PIN).</source>
        <translation>Sign in first: this needs a staff member at the desk (on the command line: --staff ID, PIN in COUNTER_PIN).</translation>
    </message>
    <message>
        <source>Your role may not do this; a manager can authorise it.</source>
        <translation>Your role may not do this; a manager can authorise it.</translation>
    </message>
    <message>
        <source>Only an administrator may do this.</source>
        <translation>Only an administrator may do this.</translation>
    </message>
    <message>
        <source>The central server does not know {staff} as an active manager of this store, so it shows no full numbers; ask head office to check the account.</source>
        <translation>The central server does not know {staff} as an active manager of this store, so it shows no full numbers; ask head office to check the account.</translation>
    </message>
    <message>
        <source>The central server refused to show the full numbers: {reason}</source>
        <translation>The central server refused to show the full numbers: {reason}</translation>
    </message>
    <message>
        <source>This member was registered at another counter: their full phone and ID number are kept only at the central server, which cannot be reached now. Ask again when the counter is online.</source>
        <translation>This member was registered at another counter: their full phone and ID number are kept only at the central server, which cannot be reached now. Ask again when the counter is online.</translation>
    </message>
    <message>
        <source>Give the reason for the erasure (e.g. the member's request of today).</source>
        <translation>Give the reason for the erasure (e.g. the member's request of today).</translation>
    </message>
    <message>
        <source>The reason is too long: at most {limit} characters.</source>
        <translation>The reason is too long: at most {limit} characters.</translation>
    </message>
    <message>
        <source>Member {member_no}'s personal data was erased already, on {when}.</source>
        <translation>Member {member_no}'s personal data was erased already, on {when}.</translation>
    </message>
    <message>
        <source>Enter the amount in yuan, e.g. 1234.50.</source>
        <translation>Enter the amount in yuan, e.g. 1234.50.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>The amount must be more than zero.</translation>
    </message>
    <message>
        <source>An amount has at most two decimals (fen).</source>
        <translation>An amount has at most two decimals (fen).</translation>
    </message>
    <message>
        <source>The amount is too large for one slip (at most ¥9,999,999.99); check it.</source>
        <translation>The amount is too large for one slip (at most ¥9,999,999.99); check it.</translation>
    </message>
    <message>
        <source>In an amount a comma only separates thousands (1,250.00); the fen follow a point, e.g. 12.50.</source>
        <translation>In an amount a comma only separates thousands (1,250.00); the fen follow a point, e.g. 12.50.</translation>
    </message>
    <message>
        <source>Points are a whole number, e.g. 800.</source>
        <translation>Points are a whole number, e.g. 800.</translation>
    </message>
    <message>
        <source>In points a comma only separates thousands, e.g. 1,600.</source>
        <translation>In points a comma only separates thousands, e.g. 1,600.</translation>
    </message>
    <message>
        <source>The points must be more than zero.</source>
        <translation>The points must be more than zero.</translation>
    </message>
    <message>
        <source>That is more points than any member holds; check the number.</source>
        <translation>That is more points than any member holds; check the number.</translation>
    </message>
    <message>
        <source>A slip number is 1 to 40 letters, digits, - _ or /, as printed on the slip.</source>
        <translation>A slip number is 1 to 40 letters, digits, - _ or /, as printed on the slip.</translation>
    </message>
    <message>
        <source>Rules file: {key} = {value} is not valid; it must be {expected}.</source>
        <translation>Rules file: {key} = {value} is not valid; it must be {expected}.</translation>
    </message>
    <message>
        <source>Rules file: {key} is missing.</source>
        <translation>Rules file: {key} is missing.</translation>
    </message>
    <message>
        <source>The rules file is not valid TOML: {reason}.</source>
        <translation>The rules file is not valid TOML: {reason}.</translation>
    </message>
    <message>
        <source>Rules file: tier thresholds overlap; silver &lt; gold &lt; diamond is needed, got {values}.</source>
        <translation>Rules file: tier thresholds overlap; silver &lt; gold &lt; diamond is needed, got {values}.</translation>
    </message>
    <message>
        <source>Give the slip's time with its UTC offset, e.g. 2026-11-23T14:05+08:00.</source>
        <translation>Give the slip's time with its UTC offset, e.g. 2026-11-23T14:05+08:00.</translation>
    </message>
    <message>
        <source>The slip's time is in the future; check the date and the counter's clock.</source>
        <translation>The slip's time is in the future; check the date and the counter's clock.</translation>
    </message>
    <message>
        <source>The slip is older than {days} days; it cannot earn points any more.</source>
        <translation>The slip is older than {days} days; it cannot earn points any more.</translation>
    </message>
    <message>
        <source>“{value}” is not a complaint category; choose one of: {allowed}.</source>
        <translation>“{value}” is not a complaint category; choose one of: {allowed}.</translation>
    </message>
    <message>
        <source>“{value}” is not a severity; choose one of: {allowed}.</source>
        <translation>“{value}” is not a severity; choose one of: {allowed}.</translation>
    </message>
    <message>
        <source>A resolved complaint needs its root cause; choose one of: {allowed}.</source>
        <translation>A resolved complaint needs its root cause; choose one of: {allowed}.</translation>
    </message>
    <message>
        <source>“{value}” is not a root cause; choose one of: {allowed}.</source>
        <translation>“{value}” is not a root cause; choose one of: {allowed}.</translation>
    </message>
    <message>
        <source>Closing a complaint needs the customer's satisfaction rating, 1 to 5; ask the customer.</source>
        <translation>Closing a complaint needs the customer's satisfaction rating, 1 to 5; ask the customer.</translation>
    </message>
    <message>
        <source>The rating is a whole number from 1 to 5, not “{value}”.</source>
        <translation>The rating is a whole number from 1 to 5, not “{value}”.</translation>
    </message>
    <message>
        <source>Write down what happened, in the customer's words.</source>
        <translation>Write down what happened, in the customer's words.</translation>
    </message>
    <message>
        <source>The description is too long: at most {limit} characters, this one has {count}; shorten it.</source>
        <translation>The description is too long: at most {limit} characters, this one has {count}; shorten it.</translation>
    </message>
    <message>
        <source>Write the note (what was said or done).</source>
        <translation>Write the note (what was said or done).</translation>
    </message>
    <message>
        <source>The text is too long: at most {limit} characters, this one has {count}; shorten it.</source>
        <translation>The text is too long: at most {limit} characters, this one has {count}; shorten it.</translation>
    </message>
    <message>
        <source>Give the reason; it goes into the complaint's record and the audit log.</source>
        <translation>Give the reason; it goes into the complaint's record and the audit log.</translation>
    </message>
    <message>
        <source>The reason is too long: at most {limit} characters, this one has {count}; shorten it.</source>
        <translation>The reason is too long: at most {limit} characters, this one has {count}; shorten it.</translation>
    </message>
    <message>
        <source>The shop name is too long: at most 40 characters.</source>
        <translation>The shop name is too long: at most 40 characters.</translation>
    </message>
    <message>
        <source>Compensation is points:N, coupon:TYPE or gift:SKU; “{value}” is none of them.</source>
        <translation>Compensation is points:N, coupon:TYPE or gift:SKU; “{value}” is none of them.</translation>
    </message>
    <message>
        <source>Compensation points are a whole number from 1 to {limit}.</source>
        <translation>Compensation points are a whole number from 1 to {limit}.</translation>
    </message>
    <message>
        <source>Compensation is at most {limit} points by the chain's rules; ask for {limit} or less, or offer a coupon or gift.</source>
        <translation>Compensation is at most {limit} points by the chain's rules; ask for {limit} or less, or offer a coupon or gift.</translation>
    </message>
    <message>
        <source>A coupon type or gift code is 1 to 20 letters, digits, - or _.</source>
        <translation>A coupon type or gift code is 1 to 20 letters, digits, - or _.</translation>
    </message>
    <message>
        <source>The complaint is closed ({current} → {wanted} is not possible); a new complaint can be opened instead.</source>
        <translation>The complaint is closed ({current} → {wanted} is not possible); a new complaint can be opened instead.</translation>
    </message>
    <message>
        <source>A complaint cannot go from {current} to {wanted} ({current} → {wanted}); from {current} it can go to: {allowed}.</source>
        <translation>A complaint cannot go from {current} to {wanted} ({current} → {wanted}); from {current} it can go to: {allowed}.</translation>
    </message>
    <message>
        <source>Give the slip's time as 2026-11-23T14:05+08:00.</source>
        <translation>Give the slip's time as 2026-11-23T14:05+08:00.</translation>
    </message>
    <message>
        <source>Held for a manager's check ({reason}) as request {approval_id}; no points are added until a manager approves.</source>
        <translation>Held for a manager's check ({reason}) as request {approval_id}; no points are added until a manager approves.</translation>
    </message>
    <message>
        <source>Member {member_no}'s data was erased; they cannot earn points.</source>
        <translation>Member {member_no}'s data was erased; they cannot earn points.</translation>
    </message>
    <message>
        <source>Slip {slip} earned points already on {when} (operation {op_id}).</source>
        <translation>Slip {slip} earned points already on {when} (operation {op_id}).</translation>
    </message>
    <message>
        <source>Points become cash in steps of {ratio} (¥1); {points} is not one: {lower} or {upper}?</source>
        <translation>Points become cash in steps of {ratio} (¥1); {points} is not one: {lower} or {upper}?</translation>
    </message>
    <message>
        <source>Redeeming more than {limit} points needs a manager.</source>
        <translation>Redeeming more than {limit} points needs a manager.</translation>
    </message>
    <message>
        <source>Member {member_no} has {balance} points; {points} cannot be redeemed.</source>
        <translation>Member {member_no} has {balance} points; {points} cannot be redeemed.</translation>
    </message>
    <message>
        <source>Points as cash need the member's phone code or ID, not the printed card; ask for either, or redeem a gift instead.</source>
        <translation>Points as cash need the member's phone code or ID, not the printed card; ask for either, or redeem a gift instead.</translation>
    </message>
    <message>
        <source>On the printed card alone a member redeems at most {limit} points a day ({spent} already today); ask for the phone code or ID for more.</source>
        <translation>On the printed card alone a member redeems at most {limit} points a day ({spent} already today); ask for the phone code or ID for more.</translation>
    </message>
    <message>
        <source>One gift is at most {limit} points.</source>
        <translation>One gift is at most {limit} points.</translation>
    </message>
    <message>
        <source>A member cannot give points to themselves; scan the friend's code.</source>
        <translation>A member cannot give points to themselves; scan the friend's code.</translation>
    </message>
    <message>
        <source>Member {member_no}'s data was erased; they cannot receive points.</source>
        <translation>Member {member_no}'s data was erased; they cannot receive points.</translation>
    </message>
    <message>
        <source>Member {member_no} may give {left} more points today (limit {limit} a day).</source>
        <translation>Member {member_no} may give {left} more points today (limit {limit} a day).</translation>
    </message>
    <message>
        <source>Member {member_no} has no birthday on file; add it to the profile first.</source>
        <translation>Member {member_no} has no birthday on file; add it to the profile first.</translation>
    </message>
    <message>
        <source>The birthday gift is claimed in the birthday month ({month}); come back then.</source>
        <translation>The birthday gift is claimed in the birthday month ({month}); come back then.</translation>
    </message>
    <message>
        <source>Member {member_no}'s birthday was changed on {when}; a birthday changed this year gives its gift from next year.</source>
        <translation>Member {member_no}'s birthday was changed on {when}; a birthday changed this year gives its gift from next year.</translation>
    </message>
    <message>
        <source>This year's birthday gift was given on {when}.</source>
        <translation>This year's birthday gift was given on {when}.</translation>
    </message>
    <message>
        <source>An event code is 1 to 20 characters, as on the event's check-in sheet.</source>
        <translation>An event code is 1 to 20 characters, as on the event's check-in sheet.</translation>
    </message>
    <message>
        <source>There is no event {event}; activity points are given for an event on the list only.</source>
        <translation>There is no event {event}; activity points are given for an event on the list only.</translation>
    </message>
    <message>
        <source>Member {member_no} has not checked in at {event}; activity points come with the check-in.</source>
        <translation>Member {member_no} has not checked in at {event}; activity points come with the check-in.</translation>
    </message>
    <message>
        <source>Member {member_no} checked in at {event} already, on {when}.</source>
        <translation>Member {member_no} checked in at {event} already, on {when}.</translation>
    </message>
    <message>
        <source>A coupon code starts with CP; scan the coupon's QR or type the code under it.</source>
        <translation>A coupon code starts with CP; scan the coupon's QR or type the code under it.</translation>
    </message>
    <message>
        <source>A coupon code is CP and 13 letters or digits, e.g. CP-4F7K-9QXD-M2ZA-7; check it.</source>
        <translation>A coupon code is CP and 13 letters or digits, e.g. CP-4F7K-9QXD-M2ZA-7; check it.</translation>
    </message>
    <message>
        <source>That coupon code is mistyped (its check character does not match); check each character.</source>
        <translation>That coupon code is mistyped (its check character does not match); check each character.</translation>
    </message>
    <message>
        <source>Give a name of 1 to {limit} characters.</source>
        <translation>Give a name of 1 to {limit} characters.</translation>
    </message>
    <message>
        <source>A code is 1 to 20 letters, digits, - or _.</source>
        <translation>A code is 1 to 20 letters, digits, - or _.</translation>
    </message>
    <message>
        <source>Add between 0 and 100000 to the stock; stock is never taken away here.</source>
        <translation>Add between 0 and 100000 to the stock; stock is never taken away here.</translation>
    </message>
    <message>
        <source>A new gift needs a name and its points.</source>
        <translation>A new gift needs a name and its points.</translation>
    </message>
    <message>
        <source>Redeem 1 to {limit} at a time.</source>
        <translation>Redeem 1 to {limit} at a time.</translation>
    </message>
    <message>
        <source>“{ticket}” is not a complaint ticket number; it looks like C-20261123-0001-001 (on the customer's ticket).</source>
        <translation>“{ticket}” is not a complaint ticket number; it looks like C-20261123-0001-001 (on the customer's ticket).</translation>
    </message>
    <message>
        <source>No complaint has the ticket number {ticket}; check it (complaint list), or it was taken at another counter not yet synced.</source>
        <translation>No complaint has the ticket number {ticket}; check it (complaint list), or it was taken at another counter not yet synced.</translation>
    </message>
    <message>
        <source>“{value}” is not a complaint state; choose one of: {allowed}.</source>
        <translation>“{value}” is not a complaint state; choose one of: {allowed}.</translation>
    </message>
    <message>
        <source>Complaint {ticket} has no root cause recorded; resolve it with its root cause first.</source>
        <translation>Complaint {ticket} has no root cause recorded; resolve it with its root cause first.</translation>
    </message>
    <message>
        <source>Complaint {ticket} is closed; open a new complaint for anything further.</source>
        <translation>Complaint {ticket} is closed; open a new complaint for anything further.</translation>
    </message>
    <message>
        <source>There is no active staff member {staff_id} at this desk; check the ID (staff list).</source>
        <translation>There is no active staff member {staff_id} at this desk; check the ID (staff list).</translation>
    </message>
    <message>
        <source>This complaint is from a walk-in customer, who has no member account for points or coupons; offer a gift instead.</source>
        <translation>This complaint is from a walk-in customer, who has no member account for points or coupons; offer a gift instead.</translation>
    </message>
    <message>
        <source>Coupon type {type_code} is not allowed as compensation by the chain's rules; allowed: {allowed}.</source>
        <translation>Coupon type {type_code} is not allowed as compensation by the chain's rules; allowed: {allowed}.</translation>
    </message>
    <message>
        <source>There is no gift {sku} in the catalog; check the code (counter-app gift list).</source>
        <translation>There is no gift {sku} in the catalog; check the code (counter-app gift list).</translation>
    </message>
    <message>
        <source>“{request}” is not a compensation request id; copy it from the list of compensations (at least 8 characters).</source>
        <translation>“{request}” is not a compensation request id; copy it from the list of compensations (at least 8 characters).</translation>
    </message>
    <message>
        <source>No compensation request has the id {request}; check it (complaint compensations), or sync first.</source>
        <translation>No compensation request has the id {request}; check it (complaint compensations), or sync first.</translation>
    </message>
    <message>
        <source>Compensation request {request} was {verdict} already by {staff} on {when}; it is not decided twice.</source>
        <translation>Compensation request {request} was {verdict} already by {staff} on {when}; it is not decided twice.</translation>
    </message>
    <message>
        <source>Compensation is at most {limit} points by the chain's rules; reject this request and ask for {limit} or less.</source>
        <translation>Compensation is at most {limit} points by the chain's rules; reject this request and ask for {limit} or less.</translation>
    </message>
    <message>
        <source>The complaint's member is not at this counter yet; sync, then decide again.</source>
        <translation>The complaint's member is not at this counter yet; sync, then decide again.</translation>
    </message>
    <message>
        <source>{name} is out of stock here; reject the request and ask for another gift, or add stock first.</source>
        <translation>{name} is out of stock here; reject the request and ask for another gift, or add stock first.</translation>
    </message>
    <message>
        <source>Only {stock} of {name} left; choose fewer or another gift.</source>
        <translation>Only {stock} of {name} left; choose fewer or another gift.</translation>
    </message>
    <message>
        <source>The minimum spend must be at least the coupon's value.</source>
        <translation>The minimum spend must be at least the coupon's value.</translation>
    </message>
    <message>
        <source>A coupon is valid for 1 to 3650 days.</source>
        <translation>A coupon is valid for 1 to 3650 days.</translation>
    </message>
    <message>
        <source>There is no coupon {type_code}; check the code.</source>
        <translation>There is no coupon {type_code}; check the code.</translation>
    </message>
    <message>
        <source>No coupon has the code {code}; check it, or it was issued at another counter not yet synced.</source>
        <translation>No coupon has the code {code}; check it, or it was issued at another counter not yet synced.</translation>
    </message>
    <message>
        <source>Coupon {code} was used already on {when} at counter {counter} by {staff}.</source>
        <translation>Coupon {code} was used already on {when} at counter {counter} by {staff}.</translation>
    </message>
    <message>
        <source>Coupon {code} was withdrawn ({status}); it cannot be used.</source>
        <translation>Coupon {code} was withdrawn ({status}); it cannot be used.</translation>
    </message>
    <message>
        <source>Coupon {code} expired on {date}.</source>
        <translation>Coupon {code} expired on {date}.</translation>
    </message>
    <message>
        <source>Coupon {code} needs a spend of at least ¥{minimum}; this one is ¥{spend}.</source>
        <translation>Coupon {code} needs a spend of at least ¥{minimum}; this one is ¥{spend}.</translation>
    </message>
    <message>
        <source>Give the reason for the void; it goes into the audit log.</source>
        <translation>Give the reason for the void; it goes into the audit log.</translation>
    </message>
    <message>
        <source>There is no operation {op_id}; copy it from the receipt or the points history.</source>
        <translation>There is no operation {op_id}; copy it from the receipt or the points history.</translation>
    </message>
    <message>
        <source>A {kind} entry cannot be voided.</source>
        <translation>A {kind} entry cannot be voided.</translation>
    </message>
    <message>
        <source>Operation {op_id} was voided already on {when}.</source>
        <translation>Operation {op_id} was voided already on {when}.</translation>
    </message>
    <message>
        <source>Operation {op_id} is from {when}; only the last {days} days can be voided.</source>
        <translation>Operation {op_id} is from {when}; only the last {days} days can be voided.</translation>
    </message>
    <message>
        <source>The member has spent those points (balance {balance}, the operation gave {points}); it cannot be voided.</source>
        <translation>The member has spent those points (balance {balance}, the operation gave {points}); it cannot be voided.</translation>
    </message>
    <message>
        <source>The coupon bought with these points was used already; the redemption cannot be voided.</source>
        <translation>The coupon bought with these points was used already; the redemption cannot be voided.</translation>
    </message>
    <message>
        <source>The central server now signs member codes with another key than the one this desk trusts; enrol the desk again to accept it.</source>
        <translation>The central server now signs member codes with another key than the one this desk trusts; enrol the desk again to accept it.</translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://, e.g. http://10.0.0.5:8700.</source>
        <translation>The server address must start with http:// or https://, e.g. http://10.0.0.5:8700.</translation>
    </message>
    <message>
        <source>The enrolment code has 8 letters and digits, e.g. K7QX-M2PD; ask the server's administrator for one.</source>
        <translation>The enrolment code has 8 letters and digits, e.g. K7QX-M2PD; ask the server's administrator for one.</translation>
    </message>
    <message>
        <source>This desk holds demo members, which must never reach the chain; enrol a desk with a new data folder.</source>
        <translation>This desk holds demo members, which must never reach the chain; enrol a desk with a new data folder.</translation>
    </message>
    <message>
        <source>The server {server} cannot be reached; check the address and the network.</source>
        <translation>The server {server} cannot be reached; check the address and the network.</translation>
    </message>
    <message>
        <source>This counter is already enrolled with the central server; head office must revoke it there before it can be enrolled again.</source>
        <translation>This counter is already enrolled with the central server; head office must revoke it there before it can be enrolled again.</translation>
    </message>
    <message>
        <source>The server refused the enrolment: {reason}</source>
        <translation>The server refused the enrolment: {reason}</translation>
    </message>
    <message>
        <source>This counter was revoked at the central server; ask head office to enrol it again.</source>
        <translation>This counter was revoked at the central server; ask head office to enrol it again.</translation>
    </message>
    <message>
        <source>This counter is not enrolled with a central server; enrol it first (counter-app enroll --server URL --code CODE).</source>
        <translation>This counter is not enrolled with a central server; enrol it first (counter-app enroll --server URL --code CODE).</translation>
    </message>
    <message>
        <source>The central server cannot be reached; the desk works offline and will sync when it is back.</source>
        <translation>The central server cannot be reached; the desk works offline and will sync when it is back.</translation>
    </message>
    <message>
        <source>The central server refused the sync: {reason}</source>
        <translation>The central server refused the sync: {reason}</translation>
    </message>
    <message>
        <source>The central server shows {available} points this member may spend now (another counter redeemed some); {points} cannot be redeemed.</source>
        <translation>The central server shows {available} points this member may spend now (another counter redeemed some); {points} cannot be redeemed.</translation>
    </message>
    <message>
        <source>This counter has been offline since {since}; after {hours} hours redemption waits until it syncs again.</source>
        <translation>This counter has been offline since {since}; after {hours} hours redemption waits until it syncs again.</translation>
    </message>
    <message>
        <source>Offline, a member may redeem at most {cap} points until the desk syncs; {left} are left for this member.</source>
        <translation>Offline, a member may redeem at most {cap} points until the desk syncs; {left} are left for this member.</translation>
    </message>
    <message>
        <source>Offline, this counter may redeem {left} more points until it syncs.</source>
        <translation>Offline, this counter may redeem {left} more points until it syncs.</translation>
    </message>
    <message>
        <source>A review item is accepted or rejected; {outcome} is neither.</source>
        <translation>A review item is accepted or rejected; {outcome} is neither.</translation>
    </message>
    <message>
        <source>A review item is named by its number, as in the review list (e.g. review:12).</source>
        <translation>A review item is named by its number, as in the review list (e.g. review:12).</translation>
    </message>
    <message>
        <source>Give a reason for rejecting the review item; it goes into the audit log.</source>
        <translation>Give a reason for rejecting the review item; it goes into the audit log.</translation>
    </message>
    <message>
        <source>There is no review item {review_id}; sync the desk, or check the number in the review list.</source>
        <translation>There is no review item {review_id}; sync the desk, or check the number in the review list.</translation>
    </message>
    <message>
        <source>Review item {review_id} was resolved already ({by}, {when}); nothing was changed.</source>
        <translation>Review item {review_id} was resolved already ({by}, {when}); nothing was changed.</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>There is no file {path}.</translation>
    </message>
    <message>
        <source>{path} is not a picture that can be read (PNG, JPEG or WebP, at most 64 MB); check the file.</source>
        <translation>{path} is not a picture that can be read (PNG, JPEG or WebP, at most 64 MB); check the file.</translation>
    </message>
    <message>
        <source>The code is damaged or incomplete; ask the member to refresh it and scan again.</source>
        <translation>The code is damaged or incomplete; ask the member to refresh it and scan again.</translation>
    </message>
    <message>
        <source>This code's signature is not valid: it was not issued by this mall. Ask for the member's phone or ID instead.</source>
        <translation>This code's signature is not valid: it was not issued by this mall. Ask for the member's phone or ID instead.</translation>
    </message>
    <message>
        <source>That scan is far longer than any member, card, coupon or event code; scan the code again.</source>
        <translation>That scan is far longer than any member, card, coupon or event code; scan the code again.</translation>
    </message>
    <message>
        <source>This is not a member, card, coupon or event code of this mall; scan the member's code, or search by phone.</source>
        <translation>This is not a member, card, coupon or event code of this mall; scan the member's code, or search by phone.</translation>
    </message>
    <message>
        <source>This code is of a newer kind than this desk reads; update the desk software, or search by phone meanwhile.</source>
        <translation>This code is of a newer kind than this desk reads; update the desk software, or search by phone meanwhile.</translation>
    </message>
    <message>
        <source>This code was issued by another mall's member system, not this one; ask for the member's phone instead.</source>
        <translation>This code was issued by another mall's member system, not this one; ask for the member's phone instead.</translation>
    </message>
    <message>
        <source>This member code has expired (codes change every minute); ask the member to show the current code.</source>
        <translation>This member code has expired (codes change every minute); ask the member to show the current code.</translation>
    </message>
    <message>
        <source>This member code is from a later time than this desk's clock; check the desk's date and time, then scan again.</source>
        <translation>This member code is from a later time than this desk's clock; check the desk's date and time, then scan again.</translation>
    </message>
    <message>
        <source>The member's code certificate has run out; the member opens the app online once to renew it.</source>
        <translation>The member's code certificate has run out; the member opens the app online once to renew it.</translation>
    </message>
    <message>
        <source>This desk has not yet received the chain's member-code key; sync once while online, or search by phone meanwhile.</source>
        <translation>This desk has not yet received the chain's member-code key; sync once while online, or search by phone meanwhile.</translation>
    </message>
    <message>
        <source>The member of this code is not on this desk yet; sync the desk, or search by phone meanwhile.</source>
        <translation>The member of this code is not on this desk yet; sync the desk, or search by phone meanwhile.</translation>
    </message>
    <message>
        <source>This member code was already scanned at this desk at {time}: it is a copy. Ask the member to show the code live on their phone.</source>
        <translation>This member code was already scanned at this desk at {time}: it is a copy. Ask the member to show the code live on their phone.</translation>
    </message>
    <message>
        <source>This member code was already scanned at another counter at {time}: it is a copy. Ask the member to show the code live on their phone.</source>
        <translation>This member code was already scanned at another counter at {time}: it is a copy. Ask the member to show the code live on their phone.</translation>
    </message>
    <message>
        <source>That is a coupon, not a member; write it off with the coupon command or the coupon box.</source>
        <translation>That is a coupon, not a member; write it off with the coupon command or the coupon box.</translation>
    </message>
    <message>
        <source>A member's dynamic code is read once, by the scanner: scan it again at the desk.</source>
        <translation>A member's dynamic code is read once, by the scanner: scan it again at the desk.</translation>
    </message>
    <message>
        <source>That is not the member's own code; scan the code on the member's phone, or their printed member card.</source>
        <translation>That is not the member's own code; scan the code on the member's phone, or their printed member card.</translation>
    </message>
    <message>
        <source>The central server does not know member {member_no} yet; sync the desk, then try again.</source>
        <translation>The central server does not know member {member_no} yet; sync the desk, then try again.</translation>
    </message>
    <message>
        <source>A member code is signed by the central server, which cannot be reached now; try again when online.</source>
        <translation>A member code is signed by the central server, which cannot be reached now; try again when online.</translation>
    </message>
    <message>
        <source>The central server answered with a certificate this desk cannot read; update the desk.</source>
        <translation>The central server answered with a certificate this desk cannot read; update the desk.</translation>
    </message>
    <message>
        <source>An event ticket is signed by the central server, which cannot be reached now; try again when online.</source>
        <translation>An event ticket is signed by the central server, which cannot be reached now; try again when online.</translation>
    </message>
    <message>
        <source>The central server does not issue event tickets yet; update the server, or check members in by their member code.</source>
        <translation>The central server does not issue event tickets yet; update the server, or check members in by their member code.</translation>
    </message>
    <message>
        <source>“{uri}” is not a printer address. Use tcp://HOST:9100, usb://VID:PID (e.g. usb://0416:5011), serial:///dev/ttyUSB0?baud=9600, file:///dev/usb/lp0 or lp://QUEUE.</source>
        <translation>“{uri}” is not a printer address. Use tcp://HOST:9100, usb://VID:PID (e.g. usb://0416:5011), serial:///dev/ttyUSB0?baud=9600, file:///dev/usb/lp0 or lp://QUEUE.</translation>
    </message>
    <message>
        <source>No printer is set. Set printer_uri in the settings (e.g. tcp://192.168.1.50:9100), or give --printer.</source>
        <translation>No printer is set. Set printer_uri in the settings (e.g. tcp://192.168.1.50:9100), or give --printer.</translation>
    </message>
    <message>
        <source>No operation, member or used coupon has the reference {reference}; copy it from the points history.</source>
        <translation>No operation, member or used coupon has the reference {reference}; copy it from the points history.</translation>
    </message>
    <message>
        <source>Operation {reference} has no receipt to print.</source>
        <translation>Operation {reference} has no receipt to print.</translation>
    </message>
    <message>
        <source>There is no print job {job_id}.</source>
        <translation>There is no print job {job_id}.</translation>
    </message>
    <message>
        <source>Say why the print job is cancelled (--reason).</source>
        <translation>Say why the print job is cancelled (--reason).</translation>
    </message>
    <message>
        <source>Print job {job_id} is {status} already; there is nothing to cancel.</source>
        <translation>Print job {job_id} is {status} already; there is nothing to cancel.</translation>
    </message>
    <message>
        <source>Paper is 58 or 80 mm wide.</source>
        <translation>Paper is 58 or 80 mm wide.</translation>
    </message>
    <message>
        <source>“{ref}” names nothing in the manager's queue; use the number of a request (12), review:N or compensation:ID, as approvals list shows them.</source>
        <translation>“{ref}” names nothing in the manager's queue; use the number of a request (12), review:N or compensation:ID, as approvals list shows them.</translation>
    </message>
    <message>
        <source>The manager's queue holds approvals, compensations and review items; {kind} is none of them.</source>
        <translation>The manager's queue holds approvals, compensations and review items; {kind} is none of them.</translation>
    </message>
    <message>
        <source>An approval request is named by its number, as approvals list shows it.</source>
        <translation>An approval request is named by its number, as approvals list shows it.</translation>
    </message>
    <message>
        <source>An event code is 2 to 20 capital letters, digits or dashes, e.g. SPRING-FAIR.</source>
        <translation>An event code is 2 to 20 capital letters, digits or dashes, e.g. SPRING-FAIR.</translation>
    </message>
    <message>
        <source>Give the start time as 2026-12-05T10:00 (or with its UTC offset, 2026-12-05T10:00+08:00).</source>
        <translation>Give the start time as 2026-12-05T10:00 (or with its UTC offset, 2026-12-05T10:00+08:00).</translation>
    </message>
    <message>
        <source>Give the end time as 2026-12-05T18:00 (or with its UTC offset, 2026-12-05T18:00+08:00).</source>
        <translation>Give the end time as 2026-12-05T18:00 (or with its UTC offset, 2026-12-05T18:00+08:00).</translation>
    </message>
    <message>
        <source>There is no event {code} on this desk; check the code on the event sheet (event list shows them).</source>
        <translation>There is no event {code} on this desk; check the code on the event sheet (event list shows them).</translation>
    </message>
    <message>
        <source>An event gives {minimum} to {maximum} points for checking in (the rules' limit).</source>
        <translation>An event gives {minimum} to {maximum} points for checking in (the rules' limit).</translation>
    </message>
    <message>
        <source>The capacity is {minimum} to {maximum} places, or none for an open event.</source>
        <translation>The capacity is {minimum} to {maximum} places, or none for an open event.</translation>
    </message>
    <message>
        <source>The event must end after it starts; check the end time.</source>
        <translation>The event must end after it starts; check the end time.</translation>
    </message>
    <message>
        <source>That end time has passed already; check the date.</source>
        <translation>That end time has passed already; check the date.</translation>
    </message>
    <message>
        <source>Event code {code} is taken already ({title}); choose another.</source>
        <translation>Event code {code} is taken already ({title}); choose another.</translation>
    </message>
    <message>
        <source>Give the event a title, as on its poster.</source>
        <translation>Give the event a title, as on its poster.</translation>
    </message>
    <message>
        <source>An event title is at most {limit} characters.</source>
        <translation>An event title is at most {limit} characters.</translation>
    </message>
    <message>
        <source>Member {member_no}'s data was erased; they cannot take part in events.</source>
        <translation>Member {member_no}'s data was erased; they cannot take part in events.</translation>
    </message>
    <message>
        <source>{event} ended on {when}; sign-ups are closed.</source>
        <translation>{event} ended on {when}; sign-ups are closed.</translation>
    </message>
    <message>
        <source>Member {member_no} is signed up for {event} already (since {when}); print their ticket again if it is lost.</source>
        <translation>Member {member_no} is signed up for {event} already (since {when}); print their ticket again if it is lost.</translation>
    </message>
    <message>
        <source>{event} is full: all {capacity} places are taken.</source>
        <translation>{event} is full: all {capacity} places are taken.</translation>
    </message>
    <message>
        <source>Member {member_no} is not signed up for {event}; sign them up first, then print the ticket.</source>
        <translation>Member {member_no} is not signed up for {event}; sign them up first, then print the ticket.</translation>
    </message>
    <message>
        <source>This ticket is for another event, not {event}; check the event on the ticket.</source>
        <translation>This ticket is for another event, not {event}; check the event on the ticket.</translation>
    </message>
    <message>
        <source>This ticket is for an event this desk does not run; check the member in at the event's own desk.</source>
        <translation>This ticket is for an event this desk does not run; check the member in at the event's own desk.</translation>
    </message>
    <message>
        <source>Scan the member's code or event ticket, or type their phone or member number.</source>
        <translation>Scan the member's code or event ticket, or type their phone or member number.</translation>
    </message>
    <message>
        <source>Name the event to check in to, or scan the member's event ticket.</source>
        <translation>Name the event to check in to, or scan the member's event ticket.</translation>
    </message>
    <message>
        <source>Check-in for {event} opens at {when}; ask the member to come back then.</source>
        <translation>Check-in for {event} opens at {when}; ask the member to come back then.</translation>
    </message>
    <message>
        <source>{event} ended at {when}; check-in is closed.</source>
        <translation>{event} ended at {when}; check-in is closed.</translation>
    </message>
    <message>
        <source>Member {member_no} already checked in at {event} at {when}; the event's points were given then.</source>
        <translation>Member {member_no} already checked in at {event} at {when}; the event's points were given then.</translation>
    </message>
    <message>
        <source>{event} is full ({capacity} places) and member {member_no} has not signed up; they cannot be let in.</source>
        <translation>{event} is full ({capacity} places) and member {member_no} has not signed up; they cannot be let in.</translation>
    </message>
    <message>
        <source>Give the report's dates as days, e.g. 2026-11-01.</source>
        <translation>Give the report's dates as days, e.g. 2026-11-01.</translation>
    </message>
    <message>
        <source>{day} is before 2000-01-01; reports start from then. Check the year.</source>
        <translation>{day} is before 2000-01-01; reports start from then. Check the year.</translation>
    </message>
    <message>
        <source>{day} is more than a year ahead (after {latest}); check the year.</source>
        <translation>{day} is more than a year ahead (after {latest}); check the year.</translation>
    </message>
    <message>
        <source>The report ends on {end}, before it starts on {start}; swap the dates.</source>
        <translation>The report ends on {end}, before it starts on {start}; swap the dates.</translation>
    </message>
    <message>
        <source>A report covers at most {years} years; {start} to {end} is longer. Split it into shorter reports.</source>
        <translation>A report covers at most {years} years; {start} to {end} is longer. Split it into shorter reports.</translation>
    </message>
    <message>
        <source>Reports are saved as .csv or .xlsx; name the file e.g. report.xlsx.</source>
        <translation>Reports are saved as .csv or .xlsx; name the file e.g. report.xlsx.</translation>
    </message>
    <message>
        <source>The report cannot be saved as {path} ({reason}); choose a folder you may write to, or another file name.</source>
        <translation>The report cannot be saved as {path} ({reason}); choose a folder you may write to, or another file name.</translation>
    </message>
    <message>
        <source>The settings are an administrator's: give --staff, with the PIN in COUNTER_PIN.</source>
        <translation>The settings are an administrator's: give --staff, with the PIN in COUNTER_PIN.</translation>
    </message>
    <message>
        <source>Too long: at most {limit} characters, this one has {count}.</source>
        <translation>Too long: at most {limit} characters, this one has {count}.</translation>
    </message>
    <message>
        <source>Enter the store's name: it is shown on screen and printed on every receipt.</source>
        <translation>Enter the store's name: it is shown on screen and printed on every receipt.</translation>
    </message>
    <message>
        <source>There is no setup step called {step}.</source>
        <translation>There is no setup step called {step}.</translation>
    </message>
    <message>
        <source>{option} holds something that is not text (a NUL character, or bytes that are not UTF-8); type it again.</source>
        <translation>{option} holds something that is not text (a NUL character, or bytes that are not UTF-8); type it again.</translation>
    </message>
    <message>
        <source>A typed phone or member number only looks the member up; to spend points scan the member's code (on the command line: --code), or a manager overrides with a reason.</source>
        <translation>A typed phone or member number only looks the member up; to spend points scan the member's code (on the command line: --code), or a manager overrides with a reason.</translation>
    </message>
    <message>
        <source>The code scanned belongs to another member, not {member_no}; scan {member_no}'s own code.</source>
        <translation>The code scanned belongs to another member, not {member_no}; scan {member_no}'s own code.</translation>
    </message>
    <message>
        <source>The member's code was scanned at {time}, more than {minutes} minutes ago; scan the member's code again.</source>
        <translation>The member's code was scanned at {time}, more than {minutes} minutes ago; scan the member's code again.</translation>
    </message>
    <message>
        <source>This desk did not scan that member code; scan the member's code at this desk again.</source>
        <translation>This desk did not scan that member code; scan the member's code at this desk again.</translation>
    </message>
    <message>
        <source>A manager's override needs a reason of 1 to {limit} characters, e.g. the member's ID was checked.</source>
        <translation>A manager's override needs a reason of 1 to {limit} characters, e.g. the member's ID was checked.</translation>
    </message>
    <message>
        <source>Only a manager may vouch that the member is here; {staff_id} may not. A manager authorises it with their ID and PIN (on the command line: --manager ID).</source>
        <translation>Only a manager may vouch that the member is here; {staff_id} may not. A manager authorises it with their ID and PIN (on the command line: --manager ID).</translation>
    </message>
</context>
<context>
    <name>EventCheckInDialog</name>
    <message>
        <source>Event check-in</source>
        <translation>Event check-in</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Scan the member's code or ticket, or type a phone / member no.</source>
        <translation>Scan the member's code or ticket, or type a phone / member no.</translation>
    </message>
    <message>
        <source>Checked in at this counter</source>
        <translation>Checked in at this counter</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>How</source>
        <translation>How</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the check-in</source>
        <translation>Close the check-in</translation>
    </message>
    <message>
        <source>No event is running or coming up. A manager sets one up (counter-app event create).</source>
        <translation>No event is running or coming up. A manager sets one up (counter-app event create).</translation>
    </message>
    <message>
        <source>%1 places left</source>
        <translation>%1 places left</translation>
    </message>
    <message>
        <source>open to all</source>
        <translation>open to all</translation>
    </message>
    <message>
        <source>%1 to %2 · %3 · %4 points · %5 signed up, %6 checked in · %7</source>
        <translation>%1 to %2 · %3 · %4 points · %5 signed up, %6 checked in · %7</translation>
    </message>
    <message>
        <source>✓ %1 checked in to %2</source>
        <translation>✓ %1 checked in to %2</translation>
    </message>
    <message>
        <source>+%1 points · balance %2</source>
        <translation>+%1 points · balance %2</translation>
    </message>
    <message>
        <source>No points for this event</source>
        <translation>No points for this event</translation>
    </message>
    <message>
        <source>signed up at the door</source>
        <translation>signed up at the door</translation>
    </message>
    <message>
        <source>member code</source>
        <translation>member code</translation>
    </message>
    <message>
        <source>printed card</source>
        <translation>printed card</translation>
    </message>
    <message>
        <source>event ticket</source>
        <translation>event ticket</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>typed in</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; the member was not checked in. Try again.</source>
        <translation>Something unexpected went wrong; the member was not checked in. Try again.</translation>
    </message>
    <message>
        <source>✗ Not checked in</source>
        <translation>✗ Not checked in</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Mobile number</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up the Member Service Desk</source>
        <translation>Set up the Member Service Desk</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Points history</source>
        <translation>Points history</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Slip / note</source>
        <translation>Slip / note</translation>
    </message>
    <message>
        <source>Preview receipt</source>
        <translation>Preview receipt</translation>
    </message>
    <message>
        <source>The selected line's receipt as it prints</source>
        <translation>The selected line's receipt as it prints</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Another copy of the selected line's receipt, stamped REPRINT</source>
        <translation>Another copy of the selected line's receipt, stamped REPRINT</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the history</source>
        <translation>Close the history</translation>
    </message>
    <message>
        <source>Reprint sent to the printer as job %1 (copy %2).</source>
        <translation>Reprint sent to the printer as job %1 (copy %2).</translation>
    </message>
</context>
<context>
    <name>LogViewerDialog</name>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnings and errors</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Desk log</source>
        <translation>Desk log</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Search the log</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Copy diagnostics</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>Read the log again</source>
        <translation>Read the log again</translation>
    </message>
    <message>
        <source>Copy what support needs to know about this desk, to paste into a message</source>
        <translation>Copy what support needs to know about this desk, to paste into a message</translation>
    </message>
    <message>
        <source>Open the folder with the log files, to attach them to a message</source>
        <translation>Open the folder with the log files, to attach them to a message</translation>
    </message>
    <message>
        <source>Close the log</source>
        <translation>Close the log</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Reading the log…</translation>
    </message>
    <message>
        <source>The log in %1 cannot be read (%2); check that this user may read that folder.</source>
        <translation>The log in %1 cannot be read (%2); check that this user may read that folder.</translation>
    </message>
    <message>
        <source>The desk has not written a log yet; it will be in %1 once there is something to note.</source>
        <translation>The desk has not written a log yet; it will be in %1 once there is something to note.</translation>
    </message>
    <message>
        <source>No entries match; choose "All" or change the search.</source>
        <translation>No entries match; choose "All" or change the search.</translation>
    </message>
    <message>
        <source>The newest %1 of %2 matching entries, newest first; search to find older ones.</source>
        <translation>The newest %1 of %2 matching entries, newest first; search to find older ones.</translation>
    </message>
    <message>
        <source>%1 of %2 entries, newest first. Phone and ID numbers, secrets and Chinese text are hidden.</source>
        <translation>%1 of %2 entries, newest first. Phone and ID numbers, secrets and Chinese text are hidden.</translation>
    </message>
    <message>
        <source>The diagnostics could not be gathered; the log above is what support needs.</source>
        <translation>The diagnostics could not be gathered; the log above is what support needs.</translation>
    </message>
    <message>
        <source>Diagnostics copied: paste them into your message to support.</source>
        <translation>Diagnostics copied: paste them into your message to support.</translation>
    </message>
    <message>
        <source>No file manager could be opened; the log is in %1.</source>
        <translation>No file manager could be opened; the log is in %1.</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Staff ID</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>Desk locked</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Locked by %1. Sign in to carry on, or as someone else.</source>
        <translation>Locked by %1. Sign in to carry on, or as someone else.</translation>
    </message>
    <message>
        <source>Staff ID and PIN. Ctrl+L locks the desk when you step away.</source>
        <translation>Staff ID and PIN. Ctrl+L locks the desk when you step away.</translation>
    </message>
    <message>
        <source>Sign in with this staff ID and PIN</source>
        <translation>Sign in with this staff ID and PIN</translation>
    </message>
    <message>
        <source>Welcome to the desk</source>
        <translation>Welcome to the desk</translation>
    </message>
    <message>
        <source>Create the first administrator. Administrators add the other staff; keep this PIN safe.</source>
        <translation>Create the first administrator. Administrators add the other staff; keep this PIN safe.</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Create administrator</translation>
    </message>
    <message>
        <source>Create the first administrator's account and sign in</source>
        <translation>Create the first administrator's account and sign in</translation>
    </message>
    <message>
        <source>The two PINs differ; type them again.</source>
        <translation>The two PINs differ; type them again.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; try again.</source>
        <translation>Something unexpected went wrong; try again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Member Service Desk</source>
        <translation>Member Service Desk</translation>
    </message>
    <message>
        <source>Complaints on the answer promise's clock</source>
        <translation>Complaints on the answer promise's clock</translation>
    </message>
    <message>
        <source>Check members in at an event by scanning their code</source>
        <translation>Check members in at an event by scanning their code</translation>
    </message>
    <message>
        <source>Members, points, coupons, complaints and RFM over a date range</source>
        <translation>Members, points, coupons, complaints and RFM over a date range</translation>
    </message>
    <message>
        <source>What waits for a manager's approval</source>
        <translation>What waits for a manager's approval</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>This desk's settings: printer, scanner, text size, colours</source>
        <translation>This desk's settings: printer, scanner, text size, colours</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>The desk's log and diagnostics for support</source>
        <translation>The desk's log and diagnostics for support</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Copy diagnostics</translation>
    </message>
    <message>
        <source>Copy what support needs to know about this desk, to paste into a message</source>
        <translation>Copy what support needs to know about this desk, to paste into a message</translation>
    </message>
    <message>
        <source>Scan the member code, or type to search</source>
        <translation>Scan the member code, or type to search</translation>
    </message>
    <message>
        <source>Register a new member</source>
        <translation>Register a new member</translation>
    </message>
    <message>
        <source>Points from a purchase slip</source>
        <translation>Points from a purchase slip</translation>
    </message>
    <message>
        <source>Cash, gifts or coupons for points</source>
        <translation>Cash, gifts or coupons for points</translation>
    </message>
    <message>
        <source>The member's points history</source>
        <translation>The member's points history</translation>
    </message>
    <message>
        <source>Change this member's profile</source>
        <translation>Change this member's profile</translation>
    </message>
    <message>
        <source>Show this member's full phone and ID number; a manager's right, and recorded in the audit log</source>
        <translation>Show this member's full phone and ID number; a manager's right, and recorded in the audit log</translation>
    </message>
    <message>
        <source>Take a complaint from this member; the ticket prints</source>
        <translation>Take a complaint from this member; the ticket prints</translation>
    </message>
    <message>
        <source>Start or stop the counter camera</source>
        <translation>Start or stop the counter camera</translation>
    </message>
    <message>
        <source>Fill the desk with demo members to try it out; they never sync</source>
        <translation>Fill the desk with demo members to try it out; they never sync</translation>
    </message>
    <message>
        <source>What the server refused or changed, for a manager to look at</source>
        <translation>What the server refused or changed, for a manager to look at</translation>
    </message>
    <message>
        <source>Scan the member code, or type phone / last 4 digits / member no. / name / pinyin initials</source>
        <translation>Scan the member code, or type phone / last 4 digits / member no. / name / pinyin initials</translation>
    </message>
    <message>
        <source>New member  F2</source>
        <translation>New member  F2</translation>
    </message>
    <message>
        <source>This desk has no members yet. Register the first one with F2, or try the desk with demo members.</source>
        <translation>This desk has no members yet. Register the first one with F2, or try the desk with demo members.</translation>
    </message>
    <message>
        <source>Create %1 demo members</source>
        <translation>Create %1 demo members</translation>
    </message>
    <message>
        <source>Demo data: never synced</source>
        <translation>Demo data: never synced</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>Counter %1</translation>
    </message>
    <message>
        <source>Store not named yet</source>
        <translation>Store not named yet</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>Approvals: %1</source>
        <translation>Approvals: %1</translation>
    </message>
    <message>
        <source>Waiting to sync: %1</source>
        <translation>Waiting to sync: %1</translation>
    </message>
    <message>
        <source>Waiting to sync: %1 · oldest %2</source>
        <translation>Waiting to sync: %1 · oldest %2</translation>
    </message>
    <message>
        <source>Registered most recently</source>
        <translation>Registered most recently</translation>
    </message>
    <message>
        <source>Complaint %1 taken; the answer is promised by %2. The ticket prints now.</source>
        <translation>Complaint %1 taken; the answer is promised by %2. The ticket prints now.</translation>
    </message>
    <message>
        <source>Diagnostics copied: paste them into your message to support.</source>
        <translation>Diagnostics copied: paste them into your message to support.</translation>
    </message>
    <message>
        <source>No member found. Check the number, or register a new member with F2.</source>
        <translation>No member found. Check the number, or register a new member with F2.</translation>
    </message>
    <message>
        <source>Showing the first %1 members; type more to narrow the list.</source>
        <translation>Showing the first %1 members; type more to narrow the list.</translation>
    </message>
    <message>
        <source>%1 members found</source>
        <translation>%1 members found</translation>
    </message>
    <message>
        <source>The change waits for a manager as request %1; nothing changes until it is approved.</source>
        <translation>The change waits for a manager as request %1; nothing changes until it is approved.</translation>
    </message>
    <message>
        <source>Saved: %1 (%2)</source>
        <translation>Saved: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 demo members added. Try a surname such as 王 or 张.</source>
        <translation>%1 demo members added. Try a surname such as 王 or 张.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing more was changed. Try again, and call support if it happens again.</source>
        <translation>Something unexpected went wrong; nothing more was changed. Try again, and call support if it happens again.</translation>
    </message>
</context>
<context>
    <name>ManagerQueue</name>
    <message>
        <source>Points from a slip held for a check</source>
        <translation>Points from a slip held for a check</translation>
    </message>
    <message>
        <source>Large redemption of points as cash</source>
        <translation>Large redemption of points as cash</translation>
    </message>
    <message>
        <source>Void of an operation</source>
        <translation>Void of an operation</translation>
    </message>
    <message>
        <source>Profile change</source>
        <translation>Profile change</translation>
    </message>
    <message>
        <source>Erasure of personal data</source>
        <translation>Erasure of personal data</translation>
    </message>
    <message>
        <source>Compensation for a complaint</source>
        <translation>Compensation for a complaint</translation>
    </message>
    <message>
        <source>Overdraw found at sync</source>
        <translation>Overdraw found at sync</translation>
    </message>
    <message>
        <source>Coupon written off twice</source>
        <translation>Coupon written off twice</translation>
    </message>
    <message>
        <source>Slip earned at two counters</source>
        <translation>Slip earned at two counters</translation>
    </message>
    <message>
        <source>Profile edited at two counters</source>
        <translation>Profile edited at two counters</translation>
    </message>
    <message>
        <source>Member code shown twice</source>
        <translation>Member code shown twice</translation>
    </message>
    <message>
        <source>Operation waiting for approval ({action})</source>
        <translation>Operation waiting for approval ({action})</translation>
    </message>
    <message>
        <source>Review item from the server ({kind})</source>
        <translation>Review item from the server ({kind})</translation>
    </message>
    <message>
        <source>{points} points as cash</source>
        <translation>{points} points as cash</translation>
    </message>
</context>
<context>
    <name>ManagerQueueDialog</name>
    <message>
        <source>Waiting for a manager</source>
        <translation>Waiting for a manager</translation>
    </message>
    <message>
        <source>Most urgent first: money found at sync, compensation for a complaint whose answer is nearly due, then what staff parked for you, oldest first.</source>
        <translation>Most urgent first: money found at sync, compensation for a complaint whose answer is nearly due, then what staff parked for you, oldest first.</translation>
    </message>
    <message>
        <source>Nothing waits for a manager.</source>
        <translation>Nothing waits for a manager.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Manager sign-in…</source>
        <translation>Manager sign-in…</translation>
    </message>
    <message>
        <source>A manager shows the queue with their own ID and PIN</source>
        <translation>A manager shows the queue with their own ID and PIN</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Read the queue again</source>
        <translation>Read the queue again</translation>
    </message>
    <message>
        <source>Refuse the selected item, with the reason the requester will see</source>
        <translation>Refuse the selected item, with the reason the requester will see</translation>
    </message>
    <message>
        <source>Approve the selected item; a parked operation runs now</source>
        <translation>Approve the selected item; a parked operation runs now</translation>
    </message>
    <message>
        <source>Close the queue</source>
        <translation>Close the queue</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <source>Give the reason for the rejection; the requester will see it.</source>
        <translation>Give the reason for the rejection; the requester will see it.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Why is “%1” refused? The requester sees the reason, and it goes into the audit log.</source>
        <translation>Why is “%1” refused? The requester sees the reason, and it goes into the audit log.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>Approved: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Try again.</source>
        <translation>Something unexpected went wrong; nothing was changed. Try again.</translation>
    </message>
</context>
<context>
    <name>ManagerQueueModel</name>
    <message>
        <source>Approval</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Urgent: money involved</source>
        <translation>Urgent: money involved</translation>
    </message>
    <message>
        <source>Urgent: answer promise nearly due</source>
        <translation>Urgent: answer promise nearly due</translation>
    </message>
    <message>
        <source>A member may be waiting</source>
        <translation>A member may be waiting</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Member / ticket</source>
        <translation>Member / ticket</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Asked by</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Server (sync)</source>
        <translation>Server (sync)</translation>
    </message>
</context>
<context>
    <name>MemberCardView</name>
    <message>
        <source>Scan a member code to begin</source>
        <translation>Scan a member code to begin</translation>
    </message>
    <message>
        <source>Or type a phone number, its last 4 digits, a member number, a name or pinyin initials (zsf finds 张三丰). A name and the last 4 digits together narrow it down: 张伟 8000.</source>
        <translation>Or type a phone number, its last 4 digits, a member number, a name or pinyin initials (zsf finds 张三丰). A name and the last 4 digits together narrow it down: 张伟 8000.</translation>
    </message>
    <message>
        <source>Enter  search  ·  Esc  back to the search box  ·  F2  new member</source>
        <translation>Enter  search  ·  Esc  back to the search box  ·  F2  new member</translation>
    </message>
    <message>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>12-month spend</source>
        <translation>12-month spend</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>Member since</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Referred by</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>Privacy notice</translation>
    </message>
    <message>
        <source>Points expiring in 30 days</source>
        <translation>Points expiring in 30 days</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>Recent profile changes</source>
        <translation>Recent profile changes</translation>
    </message>
    <message>
        <source>Edit profile (Ctrl+E)</source>
        <translation>Edit profile (Ctrl+E)</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>Show full numbers</translation>
    </message>
    <message>
        <source>Earn  F3</source>
        <translation>Earn  F3</translation>
    </message>
    <message>
        <source>Redeem  F4</source>
        <translation>Redeem  F4</translation>
    </message>
    <message>
        <source>History  F6</source>
        <translation>History  F6</translation>
    </message>
    <message>
        <source>Complaint  F7</source>
        <translation>Complaint  F7</translation>
    </message>
    <message>
        <source>Member no. %1</source>
        <translation>Member no. %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Agreed, version %1</source>
        <translation>Agreed, version %1</translation>
    </message>
    <message>
        <source>Since %1 (was %2)</source>
        <translation>Since %1 (was %2)</translation>
    </message>
    <message>
        <source>Nothing expires soon</source>
        <translation>Nothing expires soon</translation>
    </message>
    <message>
        <source>No coupons</source>
        <translation>No coupons</translation>
    </message>
    <message>
        <source>Identified by the printed card only: redemption is limited. Ask for the phone code or ID for more.</source>
        <translation>Identified by the printed card only: redemption is limited. Ask for the phone code or ID for more.</translation>
    </message>
    <message>
        <source>Event ticket · scan to redeem</source>
        <translation>Event ticket · scan to redeem</translation>
    </message>
    <message>
        <source>Opened from an event ticket, which does not show the member is here: scan their code to redeem.</source>
        <translation>Opened from an event ticket, which does not show the member is here: scan their code to redeem.</translation>
    </message>
    <message>
        <source>Present · code %1</source>
        <translation>Present · code %1</translation>
    </message>
    <message>
        <source>Looked up · scan to redeem</source>
        <translation>Looked up · scan to redeem</translation>
    </message>
    <message>
        <source>Printed card · limited</source>
        <translation>Printed card · limited</translation>
    </message>
    <message>
        <source>None since registration</source>
        <translation>None since registration</translation>
    </message>
</context>
<context>
    <name>MemberEvents</name>
    <message>
        <source>not started yet</source>
        <translation>not started yet</translation>
    </message>
    <message>
        <source>check-in open</source>
        <translation>check-in open</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>ended</translation>
    </message>
</context>
<context>
    <name>MemberResultsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Offline since %1: redemption is paused until the desk syncs again; earning and registration go on.</source>
        <translation>Offline since %1: redemption is paused until the desk syncs again; earning and registration go on.</translation>
    </message>
    <message>
        <source>Offline since %1: each member may redeem up to %2 points, this counter %3 more, until %4. Earning and registration go on as usual.</source>
        <translation>Offline since %1: each member may redeem up to %2 points, this counter %3 more, until %4. Earning and registration go on as usual.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Manager authorisation</source>
        <translation>Manager authorisation</translation>
    </message>
    <message>
        <source>Administrator authorisation</source>
        <translation>Administrator authorisation</translation>
    </message>
    <message>
        <source>A manager is needed</source>
        <translation>A manager is needed</translation>
    </message>
    <message>
        <source>An administrator is needed</source>
        <translation>An administrator is needed</translation>
    </message>
    <message>
        <source>%1 may not do this alone. An administrator can authorise it now with their own ID and PIN; both names go into the audit log.</source>
        <translation>%1 may not do this alone. An administrator can authorise it now with their own ID and PIN; both names go into the audit log.</translation>
    </message>
    <message>
        <source>%1 may not do this alone. A manager can authorise it now with their own ID and PIN; both names go into the audit log.</source>
        <translation>%1 may not do this alone. A manager can authorise it now with their own ID and PIN; both names go into the audit log.</translation>
    </message>
    <message>
        <source>Or send it to the manager's queue: nothing changes until it is approved.</source>
        <translation>Or send it to the manager's queue: nothing changes until it is approved.</translation>
    </message>
    <message>
        <source>Manager ID</source>
        <translation>Manager ID</translation>
    </message>
    <message>
        <source>Administrator ID</source>
        <translation>Administrator ID</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>Administrator PIN</source>
        <translation>Administrator PIN</translation>
    </message>
    <message>
        <source>Send to queue</source>
        <translation>Send to queue</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Authorise</source>
        <translation>Authorise</translation>
    </message>
    <message>
        <source>The manager's ID and PIN allow it now</source>
        <translation>The manager's ID and PIN allow it now</translation>
    </message>
    <message>
        <source>Leave it undone</source>
        <translation>Leave it undone</translation>
    </message>
    <message>
        <source>It waits in the manager's queue; nothing happens until it is approved</source>
        <translation>It waits in the manager's queue; nothing happens until it is approved</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; try again.</source>
        <translation>Something unexpected went wrong; try again.</translation>
    </message>
</context>
<context>
    <name>PointsKinds</name>
    <message>
        <source>Earned</source>
        <translation>Earned</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Gift received</source>
        <translation>Gift received</translation>
    </message>
    <message>
        <source>Gift given</source>
        <translation>Gift given</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>Compensation</translation>
    </message>
</context>
<context>
    <name>Presence</name>
    <message>
        <source>Member code scanned</source>
        <translation>Member code scanned</translation>
    </message>
    <message>
        <source>Printed card</source>
        <translation>Printed card</translation>
    </message>
    <message>
        <source>Manager override</source>
        <translation>Manager override</translation>
    </message>
    <message>
        <source>Looked up by phone or number: scan the member's code to redeem</source>
        <translation>Looked up by phone or number: scan the member's code to redeem</translation>
    </message>
    <message>
        <source>Member present: code scanned %1</source>
        <translation>Member present: code scanned %1</translation>
    </message>
    <message>
        <source>Member present: printed card, redemption limited</source>
        <translation>Member present: printed card, redemption limited</translation>
    </message>
    <message>
        <source>Manager override: %1</source>
        <translation>Manager override: %1</translation>
    </message>
</context>
<context>
    <name>PresenceDialog</name>
    <message>
        <source>Is the member here?</source>
        <translation>Is the member here?</translation>
    </message>
    <message>
        <source>Scan the member's code to spend points</source>
        <translation>Scan the member's code to spend points</translation>
    </message>
    <message>
        <source>%1 was looked up by typing, which does not show the member is here. Scan the code on their phone (or their printed card, which redeems less), or a manager vouches for them with a reason.</source>
        <translation>%1 was looked up by typing, which does not show the member is here. Scan the code on their phone (or their printed card, which redeems less), or a manager vouches for them with a reason.</translation>
    </message>
    <message>
        <source>Scan the member's code</source>
        <translation>Scan the member's code</translation>
    </message>
    <message>
        <source>Or a manager's override</source>
        <translation>Or a manager's override</translation>
    </message>
    <message>
        <source>Why, e.g. ID card checked: phone battery flat</source>
        <translation>Why, e.g. ID card checked: phone battery flat</translation>
    </message>
    <message>
        <source>Manager ID</source>
        <translation>Manager ID</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Manager override</source>
        <translation>Manager override</translation>
    </message>
    <message>
        <source>Spend nothing</source>
        <translation>Spend nothing</translation>
    </message>
    <message>
        <source>The manager's ID, PIN and reason vouch for the member</source>
        <translation>The manager's ID, PIN and reason vouch for the member</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; try again.</source>
        <translation>Something unexpected went wrong; try again.</translation>
    </message>
</context>
<context>
    <name>PrintJobsModel</name>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Printer said</source>
        <translation>Printer said</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Cancelled: %1</translation>
    </message>
    <message>
        <source>Printed at %1</source>
        <translation>Printed at %1</translation>
    </message>
    <message>
        <source>Not tried yet</source>
        <translation>Not tried yet</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copy %1</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <source>Print queue</source>
        <translation>Print queue</translation>
    </message>
    <message>
        <source>Waiting only</source>
        <translation>Waiting only</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <source>Both scripts, the paper's width, a QR code and the cut</source>
        <translation>Both scripts, the paper's width, a QR code and the cut</translation>
    </message>
    <message>
        <source>Check printer</source>
        <translation>Check printer</translation>
    </message>
    <message>
        <source>Ask the printer now whether it has paper and its cover is closed</source>
        <translation>Ask the printer now whether it has paper and its cover is closed</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Another copy of the selected receipt, stamped REPRINT</source>
        <translation>Another copy of the selected receipt, stamped REPRINT</translation>
    </message>
    <message>
        <source>Cancel job…</source>
        <translation>Cancel job…</translation>
    </message>
    <message>
        <source>Take a waiting receipt out of the queue (a manager; the reason is kept)</source>
        <translation>Take a waiting receipt out of the queue (a manager; the reason is kept)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Read the queue again</source>
        <translation>Read the queue again</translation>
    </message>
    <message>
        <source>The selected receipt as it prints</source>
        <translation>The selected receipt as it prints</translation>
    </message>
    <message>
        <source>Close the print queue</source>
        <translation>Close the print queue</translation>
    </message>
    <message>
        <source>No receipt waits for the printer.</source>
        <translation>No receipt waits for the printer.</translation>
    </message>
    <message>
        <source>Nothing has been printed at this counter yet.</source>
        <translation>Nothing has been printed at this counter yet.</translation>
    </message>
    <message>
        <source>%1 waiting · %2 shown (newest first)</source>
        <translation>%1 waiting · %2 shown (newest first)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Waiting to print: %1. They print in order, by themselves, once the printer is ready.</source>
        <translation>Waiting to print: %1. They print in order, by themselves, once the printer is ready.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>The printer says: %1</source>
        <translation>The printer says: %1</translation>
    </message>
    <message>
        <source>Cancel print job %1</source>
        <translation>Cancel print job %1</translation>
    </message>
    <message>
        <source>Why is print job %1 taken out of the queue? The reason goes into the audit log; the receipt can be reprinted from the points history.</source>
        <translation>Why is print job %1 taken out of the queue? The reason goes into the audit log; the receipt can be reprinted from the points history.</translation>
    </message>
    <message>
        <source>Cancel the job</source>
        <translation>Cancel the job</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>Give the reason the job is cancelled; it goes into the audit log.</source>
        <translation>Give the reason the job is cancelled; it goes into the audit log.</translation>
    </message>
    <message>
        <source>Print job %1 cancelled; reprint it from the points history when the member needs it.</source>
        <translation>Print job %1 cancelled; reprint it from the points history when the member needs it.</translation>
    </message>
    <message>
        <source>Sent to the printer as job %1.</source>
        <translation>Sent to the printer as job %1.</translation>
    </message>
    <message>
        <source>Sent to the printer as job %1, stamped copy %2.</source>
        <translation>Sent to the printer as job %1, stamped copy %2.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Try again.</source>
        <translation>Something unexpected went wrong; nothing was changed. Try again.</translation>
    </message>
</context>
<context>
    <name>PrinterBanner</name>
    <message>
        <source>%1 waiting to print.</source>
        <translation>%1 waiting to print.</translation>
    </message>
    <message>
        <source>Print queue (Ctrl+P)</source>
        <translation>Print queue (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>PrinterCheck</name>
    <message>
        <source>Where the receipt printer is; pick an example from the list (Down arrow) and change it</source>
        <translation>Where the receipt printer is; pick an example from the list (Down arrow) and change it</translation>
    </message>
    <message>
        <source>Network: tcp://192.168.1.50:9100 · USB: usb://VID:PID (e.g. usb://0416:5011) · serial: serial:///dev/ttyUSB0?baud=9600 · device file: file:///dev/usb/lp0 · system queue: lp://QUEUE. Empty: no printer.</source>
        <translation>Network: tcp://192.168.1.50:9100 · USB: usb://VID:PID (e.g. usb://0416:5011) · serial: serial:///dev/ttyUSB0?baud=9600 · device file: file:///dev/usb/lp0 · system queue: lp://QUEUE. Empty: no printer.</translation>
    </message>
    <message>
        <source>The width of the paper roll; measure it if unsure</source>
        <translation>The width of the paper roll; measure it if unsure</translation>
    </message>
    <message>
        <source>&amp;Check printer</source>
        <translation>&amp;Check printer</translation>
    </message>
    <message>
        <source>Ask the printer at this address whether it is ready (Alt+C)</source>
        <translation>Ask the printer at this address whether it is ready (Alt+C)</translation>
    </message>
    <message>
        <source>Print &amp;test page</source>
        <translation>Print &amp;test page</translation>
    </message>
    <message>
        <source>Print a test page at this address now, even before saving (Alt+T)</source>
        <translation>Print a test page at this address now, even before saving (Alt+T)</translation>
    </message>
    <message>
        <source>Asking the printer at %1…</source>
        <translation>Asking the printer at %1…</translation>
    </message>
    <message>
        <source>Printing a test page at %1…</source>
        <translation>Printing a test page at %1…</translation>
    </message>
    <message>
        <source>Type the printer's address first, e.g. tcp://192.168.1.50:9100.</source>
        <translation>Type the printer's address first, e.g. tcp://192.168.1.50:9100.</translation>
    </message>
    <message>
        <source>The test page went out to %1. Check that it came out whole, Chinese characters and QR code included.</source>
        <translation>The test page went out to %1. Check that it came out whole, Chinese characters and QR code included.</translation>
    </message>
    <message>
        <source>Fix it and print the test page again.</source>
        <translation>Fix it and print the test page again.</translation>
    </message>
    <message>
        <source>No printer: receipts are not printed until an address is set.</source>
        <translation>No printer: receipts are not printed until an address is set.</translation>
    </message>
    <message>
        <source>Press Check printer to ask the printer, or print a test page.</source>
        <translation>Press Check printer to ask the printer, or print a test page.</translation>
    </message>
</context>
<context>
    <name>PrinterController</name>
    <message>
        <source>something unexpected went wrong.</source>
        <translation>something unexpected went wrong.</translation>
    </message>
    <message>
        <source>The receipt was not queued: %1 The operation itself is saved; reprint its receipt from the points history.</source>
        <translation>The receipt was not queued: %1 The operation itself is saved; reprint its receipt from the points history.</translation>
    </message>
</context>
<context>
    <name>PrinterIndicator</name>
    <message>
        <source>Click to open the print queue</source>
        <translation>Click to open the print queue</translation>
    </message>
    <message>
        <source>○ No printer</source>
        <translation>○ No printer</translation>
    </message>
    <message>
        <source>%1 waiting to print</source>
        <translation>%1 waiting to print</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <source>Type the printer's address and print a test page: it should come out whole, Chinese characters and QR code included.</source>
        <translation>Type the printer's address and print a test page: it should come out whole, Chinese characters and QR code included.</translation>
    </message>
    <message>
        <source>S&amp;kip: no printer at this counter</source>
        <translation>S&amp;kip: no printer at this counter</translation>
    </message>
    <message>
        <source>No printer yet? Try the printer emulator: in a second terminal run %1, then type %2 here and print the test page.</source>
        <translation>No printer yet? Try the printer emulator: in a second terminal run %1, then type %2 here and print the test page.</translation>
    </message>
    <message>
        <source>Type the printer's address, or tick “Skip: no printer at this counter”.</source>
        <translation>Type the printer's address, or tick “Skip: no printer at this counter”.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Printer ready</source>
        <translation>Printer ready</translation>
    </message>
    <message>
        <source>Printer out of paper: load a new roll; waiting receipts then print by themselves.</source>
        <translation>Printer out of paper: load a new roll; waiting receipts then print by themselves.</translation>
    </message>
    <message>
        <source>Printer cover open: close it; waiting receipts then print by themselves.</source>
        <translation>Printer cover open: close it; waiting receipts then print by themselves.</translation>
    </message>
    <message>
        <source>Printer offline: check its power and error light.</source>
        <translation>Printer offline: check its power and error light.</translation>
    </message>
    <message>
        <source>Printer not reachable: check that it is on and its cable or network; receipts wait in the queue.</source>
        <translation>Printer not reachable: check that it is on and its cable or network; receipts wait in the queue.</translation>
    </message>
    <message>
        <source>Printer does not answer: switch it off and on again; receipts wait in the queue.</source>
        <translation>Printer does not answer: switch it off and on again; receipts wait in the queue.</translation>
    </message>
    <message>
        <source>Printer connected (it cannot report paper or cover)</source>
        <translation>Printer connected (it cannot report paper or cover)</translation>
    </message>
    <message>
        <source>No printer set: an administrator sets printer_uri in the settings.</source>
        <translation>No printer set: an administrator sets printer_uri in the settings.</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Receipt preview</source>
        <translation>Receipt preview</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>The printer is set to %1 mm paper.</source>
        <translation>The printer is set to %1 mm paper.</translation>
    </message>
    <message>
        <source>No printer is set.</source>
        <translation>No printer is set.</translation>
    </message>
    <message>
        <source>Drawing the receipt…</source>
        <translation>Drawing the receipt…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the preview</source>
        <translation>Close the preview</translation>
    </message>
    <message>
        <source>Send this receipt to the printer; a second copy is stamped REPRINT</source>
        <translation>Send this receipt to the printer; a second copy is stamped REPRINT</translation>
    </message>
    <message>
        <source>Print job %1 · %2</source>
        <translation>Print job %1 · %2</translation>
    </message>
    <message>
        <source>Reference %1</source>
        <translation>Reference %1</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Sent to the printer as job %1, stamped copy %2.</source>
        <translation>Sent to the printer as job %1, stamped copy %2.</translation>
    </message>
    <message>
        <source>Sent to the printer as job %1.</source>
        <translation>Sent to the printer as job %1.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was printed. Try again.</source>
        <translation>Something unexpected went wrong; nothing was printed. Try again.</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>No preview</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <source>Membership registration</source>
        <translation>Membership registration</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Points earned</translation>
    </message>
    <message>
        <source>Gift redemption</source>
        <translation>Gift redemption</translation>
    </message>
    <message>
        <source>Coupon redemption</source>
        <translation>Coupon redemption</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>Points as cash</translation>
    </message>
    <message>
        <source>Coupon written off</source>
        <translation>Coupon written off</translation>
    </message>
    <message>
        <source>Points given</source>
        <translation>Points given</translation>
    </message>
    <message>
        <source>Operation voided</source>
        <translation>Operation voided</translation>
    </message>
    <message>
        <source>Complaint ticket</source>
        <translation>Complaint ticket</translation>
    </message>
    <message>
        <source>End-of-day summary</source>
        <translation>End-of-day summary</translation>
    </message>
    <message>
        <source>Printer test page</source>
        <translation>Printer test page</translation>
    </message>
    <message>
        <source>Member Service Desk</source>
        <translation>Member Service Desk</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>Points balance</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Expiring {date}</source>
        <translation>Expiring {date}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Ref. {reference}</source>
        <translation>Ref. {reference}</translation>
    </message>
    <message>
        <source>Thank you for your visit</source>
        <translation>Thank you for your visit</translation>
    </message>
    <message>
        <source>Welcome! Your membership is active.</source>
        <translation>Welcome! Your membership is active.</translation>
    </message>
    <message>
        <source>Welcome points</source>
        <translation>Welcome points</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Slip no.</source>
        <translation>Slip no.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Congratulations: your tier went up!</source>
        <translation>Congratulations: your tier went up!</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>Item no.</source>
        <translation>Item no.</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Points used</source>
        <translation>Points used</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Minimum spend</source>
        <translation>Minimum spend</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Coupon {code}</source>
        <translation>Coupon {code}</translation>
    </message>
    <message>
        <source>Cash deduction</source>
        <translation>Cash deduction</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Spend</translation>
    </message>
    <message>
        <source>Given to</source>
        <translation>Given to</translation>
    </message>
    <message>
        <source>Voided operation</source>
        <translation>Voided operation</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Authorised by</translation>
    </message>
    <message>
        <source>Ticket no.</source>
        <translation>Ticket no.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>What happened:</translation>
    </message>
    <message>
        <source>We will answer by</source>
        <translation>We will answer by</translation>
    </message>
    <message>
        <source>Keep this ticket to follow up on your complaint.</source>
        <translation>Keep this ticket to follow up on your complaint.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>If you can read this, the printer works.</source>
        <translation>If you can read this, the printer works.</translation>
    </message>
    <message>
        <source>Rare characters: {sample}</source>
        <translation>Rare characters: {sample}</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>Service attitude</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>New members</translation>
    </message>
    <message>
        <source>Slips for points</source>
        <translation>Slips for points</translation>
    </message>
    <message>
        <source>Spend on slips</source>
        <translation>Spend on slips</translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation>Points issued</translation>
    </message>
    <message>
        <source>Gifts redeemed</source>
        <translation>Gifts redeemed</translation>
    </message>
    <message>
        <source>Coupons redeemed</source>
        <translation>Coupons redeemed</translation>
    </message>
    <message>
        <source>Coupons written off</source>
        <translation>Coupons written off</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>Voids</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Redeem points</source>
        <translation>Redeem points</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>Gifts</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>Give to a friend</source>
        <translation>Give to a friend</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close; nothing more is redeemed</source>
        <translation>Close; nothing more is redeemed</translation>
    </message>
    <message>
        <source>Pay these points out as cash</source>
        <translation>Pay these points out as cash</translation>
    </message>
    <message>
        <source>Give these points to the friend</source>
        <translation>Give these points to the friend</translation>
    </message>
    <message>
        <source>Nothing was redeemed: the member's code was not scanned.</source>
        <translation>Nothing was redeemed: the member's code was not scanned.</translation>
    </message>
    <message>
        <source>%1 points = ¥1; whole yuan only.</source>
        <translation>%1 points = ¥1; whole yuan only.</translation>
    </message>
    <message>
        <source>Points, e.g. %1</source>
        <translation>Points, e.g. %1</translation>
    </message>
    <message>
        <source>Pay out</source>
        <translation>Pay out</translation>
    </message>
    <message>
        <source>The catalog is empty.</source>
        <translation>The catalog is empty.</translation>
    </message>
    <message>
        <source>%1 points · %2 in stock</source>
        <translation>%1 points · %2 in stock</translation>
    </message>
    <message>
        <source>Hand over this gift for its points</source>
        <translation>Hand over this gift for its points</translation>
    </message>
    <message>
        <source>%1 — %2 points</source>
        <translation>%1 — %2 points</translation>
    </message>
    <message>
        <source>Issue this coupon for its points</source>
        <translation>Issue this coupon for its points</translation>
    </message>
    <message>
        <source>The friend's phone or member number (scan their code)</source>
        <translation>The friend's phone or member number (scan their code)</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>Give</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>%1 points given to %2; balance %3 (theirs %4).</source>
        <translation>%1 points given to %2; balance %3 (theirs %4).</translation>
    </message>
    <message>
        <source>%1 points paid out as ¥%2; balance %3.</source>
        <translation>%1 points paid out as ¥%2; balance %3.</translation>
    </message>
    <message>
        <source>Waits for a manager as request %1.</source>
        <translation>Waits for a manager as request %1.</translation>
    </message>
    <message>
        <source>%1 handed over for %2 points; balance %3.</source>
        <translation>%1 handed over for %2 points; balance %3.</translation>
    </message>
    <message>
        <source>Coupon %1 issued; balance %2.</source>
        <translation>Coupon %1 issued; balance %2.</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Register this member</source>
        <translation>Register this member</translation>
    </message>
    <message>
        <source>Save the changes</source>
        <translation>Save the changes</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>Member agrees to the privacy notice (version %1)</source>
        <translation>Member agrees to the privacy notice (version %1)</translation>
    </message>
    <message>
        <source>Edit member profile</source>
        <translation>Edit member profile</translation>
    </message>
    <message>
        <source>Member %1 · leave the mobile and ID number empty to keep them</source>
        <translation>Member %1 · leave the mobile and ID number empty to keep them</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation>Unchanged: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was saved. Try again, and call support if it happens again.</source>
        <translation>Something unexpected went wrong; nothing was saved. Try again, and call support if it happens again.</translation>
    </message>
    <message>
        <source>Register a new member</source>
        <translation>Register a new member</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>Required: mobile number, name and the member's consent. Everything else can be added later.</source>
        <translation>Required: mobile number, name and the member's consent. Everything else can be added later.</translation>
    </message>
    <message>
        <source>Mobile number *</source>
        <translation>Mobile number *</translation>
    </message>
    <message>
        <source>11 digits, e.g. 13800138000</source>
        <translation>11 digits, e.g. 13800138000</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>As on the ID card</source>
        <translation>As on the ID card</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or 8 digits: 19900517</source>
        <translation>YYYY-MM-DD, or 8 digits: 19900517</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Optional, 18 characters; fills in the birthday</source>
        <translation>Optional, 18 characters; fills in the birthday</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Referred by</translation>
    </message>
    <message>
        <source>Referrer's phone or member number</source>
        <translation>Referrer's phone or member number</translation>
    </message>
    <message>
        <source>The member has read and agrees to the privacy notice</source>
        <translation>The member has read and agrees to the privacy notice</translation>
    </message>
</context>
<context>
    <name>ReportLayouts</name>
    <message>
        <source>Members now</source>
        <translation>Members now</translation>
    </message>
    <message>
        <source>%1 erased on request</source>
        <translation>%1 erased on request</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>New members</translation>
    </message>
    <message>
        <source>registered in this range</source>
        <translation>registered in this range</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Active members</translation>
    </message>
    <message>
        <source>%1% of members earned points</source>
        <translation>%1% of members earned points</translation>
    </message>
    <message>
        <source>Members by tier (now)</source>
        <translation>Members by tier (now)</translation>
    </message>
    <message>
        <source>Growth by month</source>
        <translation>Growth by month</translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation>Points issued</translation>
    </message>
    <message>
        <source>%1 given between members</source>
        <translation>%1 given between members</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Points redeemed</translation>
    </message>
    <message>
        <source>cash, gifts and coupons</source>
        <translation>cash, gifts and coupons</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>Points expired</translation>
    </message>
    <message>
        <source>Outstanding now</source>
        <translation>Outstanding now</translation>
    </message>
    <message>
        <source>worth %1 at %2 points per ¥1</source>
        <translation>worth %1 at %2 points per ¥1</translation>
    </message>
    <message>
        <source>Issued, redeemed and expired by month</source>
        <translation>Issued, redeemed and expired by month</translation>
    </message>
    <message>
        <source>By kind of entry</source>
        <translation>By kind of entry</translation>
    </message>
    <message>
        <source>Coupons issued</source>
        <translation>Coupons issued</translation>
    </message>
    <message>
        <source>worth %1</source>
        <translation>worth %1</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>Written off</translation>
    </message>
    <message>
        <source>Used of those issued</source>
        <translation>Used of those issued</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Open now</translation>
    </message>
    <message>
        <source>worth %1, still valid</source>
        <translation>worth %1, still valid</translation>
    </message>
    <message>
        <source>Issued and written off by month</source>
        <translation>Issued and written off by month</translation>
    </message>
    <message>
        <source>By coupon type</source>
        <translation>By coupon type</translation>
    </message>
    <message>
        <source>Complaints taken</source>
        <translation>Complaints taken</translation>
    </message>
    <message>
        <source>Answered within the promise</source>
        <translation>Answered within the promise</translation>
    </message>
    <message>
        <source>%1 in time · %2 late</source>
        <translation>%1 in time · %2 late</translation>
    </message>
    <message>
        <source>Average satisfaction</source>
        <translation>Average satisfaction</translation>
    </message>
    <message>
        <source>%1 ratings</source>
        <translation>%1 ratings</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>The 24-hour answer promise</source>
        <translation>The 24-hour answer promise</translation>
    </message>
    <message>
        <source>By root cause</source>
        <translation>By root cause</translation>
    </message>
    <message>
        <source>Satisfaction ratings</source>
        <translation>Satisfaction ratings</translation>
    </message>
    <message>
        <source>%1% of members · average spend %2</source>
        <translation>%1% of members · average spend %2</translation>
    </message>
    <message>
        <source>Members scored</source>
        <translation>Members scored</translation>
    </message>
    <message>
        <source>earned at least once in the year</source>
        <translation>earned at least once in the year</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Scores (5 best)</source>
        <translation>Scores (5 best)</translation>
    </message>
    <message>
        <source>RFM looks at the 365 days up to %2 (%1 to %2), whatever the range starts on: recency, frequency and spend of each member who earned points.</source>
        <translation>RFM looks at the 365 days up to %2 (%1 to %2), whatever the range starts on: recency, frequency and spend of each member who earned points.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>No data in this range</source>
        <translation>No data in this range</translation>
    </message>
    <message>
        <source>Nothing was recorded from %1 to %2. Choose a longer range, e.g. This year.</source>
        <translation>Nothing was recorded from %1 to %2. Choose a longer range, e.g. This year.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>Champions</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>Loyal</translation>
    </message>
    <message>
        <source>Potential loyalists</source>
        <translation>Potential loyalists</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>Promising</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>Need attention</translation>
    </message>
    <message>
        <source>About to sleep</source>
        <translation>About to sleep</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>At risk</translation>
    </message>
    <message>
        <source>Can't lose them</source>
        <translation>Can't lose them</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>Hibernating</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>RFM segments</source>
        <translation>RFM segments</translation>
    </message>
    <message>
        <source>Members now</source>
        <translation>Members now</translation>
    </message>
    <message>
        <source>Erased members</source>
        <translation>Erased members</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>New members</translation>
    </message>
    <message>
        <source>Active members (earned points)</source>
        <translation>Active members (earned points)</translation>
    </message>
    <message>
        <source>Active share (%)</source>
        <translation>Active share (%)</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>By tier</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>Share (%)</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Members at month end</source>
        <translation>Members at month end</translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation>Points issued</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Points redeemed</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>Points expired</translation>
    </message>
    <message>
        <source>Points given between members</source>
        <translation>Points given between members</translation>
    </message>
    <message>
        <source>Voids and adjustments</source>
        <translation>Voids and adjustments</translation>
    </message>
    <message>
        <source>Net change</source>
        <translation>Net change</translation>
    </message>
    <message>
        <source>Outstanding points now</source>
        <translation>Outstanding points now</translation>
    </message>
    <message>
        <source>Their cash value now (¥)</source>
        <translation>Their cash value now (¥)</translation>
    </message>
    <message>
        <source>Points per ¥1</source>
        <translation>Points per ¥1</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>By kind</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Points in</source>
        <translation>Points in</translation>
    </message>
    <message>
        <source>Points out</source>
        <translation>Points out</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Redeemed</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Coupons issued</source>
        <translation>Coupons issued</translation>
    </message>
    <message>
        <source>Value issued (¥)</source>
        <translation>Value issued (¥)</translation>
    </message>
    <message>
        <source>Coupons written off</source>
        <translation>Coupons written off</translation>
    </message>
    <message>
        <source>Value written off (¥)</source>
        <translation>Value written off (¥)</translation>
    </message>
    <message>
        <source>Used of those issued (%)</source>
        <translation>Used of those issued (%)</translation>
    </message>
    <message>
        <source>Open coupons now</source>
        <translation>Open coupons now</translation>
    </message>
    <message>
        <source>Open value now (¥)</source>
        <translation>Open value now (¥)</translation>
    </message>
    <message>
        <source>By coupon type</source>
        <translation>By coupon type</translation>
    </message>
    <message>
        <source>Coupon type</source>
        <translation>Coupon type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>Written off</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Complaints opened</source>
        <translation>Complaints opened</translation>
    </message>
    <message>
        <source>Answered in time</source>
        <translation>Answered in time</translation>
    </message>
    <message>
        <source>Answered late or overdue</source>
        <translation>Answered late or overdue</translation>
    </message>
    <message>
        <source>Waiting, still in time</source>
        <translation>Waiting, still in time</translation>
    </message>
    <message>
        <source>Answered in time (%)</source>
        <translation>Answered in time (%)</translation>
    </message>
    <message>
        <source>Ratings given</source>
        <translation>Ratings given</translation>
    </message>
    <message>
        <source>Average rating (1-5)</source>
        <translation>Average rating (1-5)</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Open now</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>By root cause</source>
        <translation>By root cause</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Members scored</source>
        <translation>Members scored</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Average days since last purchase</source>
        <translation>Average days since last purchase</translation>
    </message>
    <message>
        <source>Average purchases</source>
        <translation>Average purchases</translation>
    </message>
    <message>
        <source>Average spend (¥)</source>
        <translation>Average spend (¥)</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Members by recency</source>
        <translation>Members by recency</translation>
    </message>
    <message>
        <source>Days since last purchase</source>
        <translation>Days since last purchase</translation>
    </message>
    <message>
        <source>Members by frequency</source>
        <translation>Members by frequency</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>Members by spend</source>
        <translation>Members by spend</translation>
    </message>
    <message>
        <source>Spend (¥)</source>
        <translation>Spend (¥)</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>The report over this period</source>
        <translation>The report over this period</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>RFM segments</source>
        <translation>RFM segments</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Save this report as a CSV file (opens in Excel)</source>
        <translation>Save this report as a CSV file (opens in Excel)</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Save this report as an Excel workbook, a sheet per table</source>
        <translation>Save this report as an Excel workbook, a sheet per table</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Compute the report again</source>
        <translation>Compute the report again</translation>
    </message>
    <message>
        <source>Close the reports</source>
        <translation>Close the reports</translation>
    </message>
    <message>
        <source>%1 to %2 · %3 days</source>
        <translation>%1 to %2 · %3 days</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>Computing… %p%</source>
        <translation>Computing… %p%</translation>
    </message>
    <message>
        <source>Computed at %1 from this counter's store.</source>
        <translation>Computed at %1 from this counter's store.</translation>
    </message>
    <message>
        <source>Reports are for managers</source>
        <translation>Reports are for managers</translation>
    </message>
    <message>
        <source>This range cannot be reported</source>
        <translation>This range cannot be reported</translation>
    </message>
    <message>
        <source>The report could not be computed</source>
        <translation>The report could not be computed</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Try again, and call support if it happens again.</source>
        <translation>Something unexpected went wrong; nothing was changed. Try again, and call support if it happens again.</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Saved as %1</translation>
    </message>
    <message>
        <source>The report could not be saved; try another folder.</source>
        <translation>The report could not be saved; try another folder.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Profile change</source>
        <translation>Profile change</translation>
    </message>
    <message>
        <source>Erasure of personal data</source>
        <translation>Erasure of personal data</translation>
    </message>
    <message>
        <source>Tier change</source>
        <translation>Tier change</translation>
    </message>
    <message>
        <source>Points from a slip</source>
        <translation>Points from a slip</translation>
    </message>
    <message>
        <source>Points as cash</source>
        <translation>Points as cash</translation>
    </message>
    <message>
        <source>Gift redemption</source>
        <translation>Gift redemption</translation>
    </message>
    <message>
        <source>Coupon for points</source>
        <translation>Coupon for points</translation>
    </message>
    <message>
        <source>Points given</source>
        <translation>Points given</translation>
    </message>
    <message>
        <source>Points received</source>
        <translation>Points received</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>Birthday gift</translation>
    </message>
    <message>
        <source>Event points</source>
        <translation>Event points</translation>
    </message>
    <message>
        <source>Referral points</source>
        <translation>Referral points</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Coupon issued</source>
        <translation>Coupon issued</translation>
    </message>
    <message>
        <source>Coupon write-off</source>
        <translation>Coupon write-off</translation>
    </message>
    <message>
        <source>Overdraw</source>
        <translation>Overdraw</translation>
    </message>
    <message>
        <source>Coupon used twice</source>
        <translation>Coupon used twice</translation>
    </message>
    <message>
        <source>Slip earned twice</source>
        <translation>Slip earned twice</translation>
    </message>
    <message>
        <source>Profile edited at two counters</source>
        <translation>Profile edited at two counters</translation>
    </message>
    <message>
        <source>Member code shown twice</source>
        <translation>Member code shown twice</translation>
    </message>
    <message>
        <source>Member code scanned</source>
        <translation>Member code scanned</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Compensation points</source>
        <translation>Compensation points</translation>
    </message>
    <message>
        <source>Compensation decided twice</source>
        <translation>Compensation decided twice</translation>
    </message>
    <message>
        <source>Review item resolved</source>
        <translation>Review item resolved</translation>
    </message>
    <message>
        <source>Staff account</source>
        <translation>Staff account</translation>
    </message>
    <message>
        <source>Event set up</source>
        <translation>Event set up</translation>
    </message>
    <message>
        <source>Event check-in</source>
        <translation>Event check-in</translation>
    </message>
    <message>
        <source>The server has no such member; the operation refers to a member it never received.</source>
        <translation>The server has no such member; the operation refers to a member it never received.</translation>
    </message>
    <message>
        <source>The server has no coupon {code}.</source>
        <translation>The server has no coupon {code}.</translation>
    </message>
    <message>
        <source>The coupon code {code} exists already at the server.</source>
        <translation>The coupon code {code} exists already at the server.</translation>
    </message>
    <message>
        <source>The voided operation is not in the server's ledger.</source>
        <translation>The voided operation is not in the server's ledger.</translation>
    </message>
    <message>
        <source>The operation was voided already.</source>
        <translation>The operation was voided already.</translation>
    </message>
    <message>
        <source>The server had an operation with the same id and another content.</source>
        <translation>The server had an operation with the same id and another content.</translation>
    </message>
    <message>
        <source>The server does not know this kind of operation ({type}); update the server.</source>
        <translation>The server does not know this kind of operation ({type}); update the server.</translation>
    </message>
    <message>
        <source>The server found the operation malformed ({field}: {problem}).</source>
        <translation>The server found the operation malformed ({field}: {problem}).</translation>
    </message>
    <message>
        <source>The server refused a value ({field}: {problem}).</source>
        <translation>The server refused a value ({field}: {problem}).</translation>
    </message>
    <message>
        <source>The server has no such complaint; its opening never reached it.</source>
        <translation>The server has no such complaint; its opening never reached it.</translation>
    </message>
    <message>
        <source>The server has this complaint opened already.</source>
        <translation>The server has this complaint opened already.</translation>
    </message>
    <message>
        <source>The server has no such compensation request for this complaint.</source>
        <translation>The server has no such compensation request for this complaint.</translation>
    </message>
    <message>
        <source>Complaint {ticket_no}: compensation request {request} was decided again at counter {counter_no} ({again_at}), after a first decision ({first_at}); check for a double compensation.</source>
        <translation>Complaint {ticket_no}: compensation request {request} was decided again at counter {counter_no} ({again_at}), after a first decision ({first_at}); check for a double compensation.</translation>
    </message>
    <message>
        <source>The server has no review item {review_id}.</source>
        <translation>The server has no review item {review_id}.</translation>
    </message>
    <message>
        <source>The operation does not say which staff member made it; the server takes none without.</source>
        <translation>The operation does not say which staff member made it; the server takes none without.</translation>
    </message>
    <message>
        <source>The server knows no staff member {staff} at store {store}; the operation was not applied.</source>
        <translation>The server knows no staff member {staff} at store {store}; the operation was not applied.</translation>
    </message>
    <message>
        <source>Staff account {staff} is disabled; the operation was not applied.</source>
        <translation>Staff account {staff} is disabled; the operation was not applied.</translation>
    </message>
    <message>
        <source>Staff member {staff} works at another store, not at {store}; the operation was not applied.</source>
        <translation>Staff member {staff} works at another store, not at {store}; the operation was not applied.</translation>
    </message>
    <message>
        <source>The server knows no manager {staff} at store {store} to have authorised this.</source>
        <translation>The server knows no manager {staff} at store {store} to have authorised this.</translation>
    </message>
    <message>
        <source>The authorising account {staff} is disabled; the operation was not applied.</source>
        <translation>The authorising account {staff} is disabled; the operation was not applied.</translation>
    </message>
    <message>
        <source>{staff} is a manager of another store and cannot authorise at {store}.</source>
        <translation>{staff} is a manager of another store and cannot authorise at {store}.</translation>
    </message>
    <message>
        <source>{staff} ({role}) may not authorise this operation; it needs a manager of this store.</source>
        <translation>{staff} ({role}) may not authorise this operation; it needs a manager of this store.</translation>
    </message>
    <message>
        <source>{staff} is a head-office account; only head office changes it.</source>
        <translation>{staff} is a head-office account; only head office changes it.</translation>
    </message>
    <message>
        <source>By the rules at the slip's time the server counts {expected} points for ¥{amount} ({tier} member), not {got}; the points were not added.</source>
        <translation>By the rules at the slip's time the server counts {expected} points for ¥{amount} ({tier} member), not {got}; the points were not added.</translation>
    </message>
    <message>
        <source>Points from a slip need the slip's amount and number.</source>
        <translation>Points from a slip need the slip's amount and number.</translation>
    </message>
    <message>
        <source>The slip's time {at} is more than {days} days back, or ahead of the counter's clock.</source>
        <translation>The slip's time {at} is more than {days} days back, or ahead of the counter's clock.</translation>
    </message>
    <message>
        <source>A redemption can only take points; this one would have added {got}.</source>
        <translation>A redemption can only take points; this one would have added {got}.</translation>
    </message>
    <message>
        <source>Points become cash in steps of {step}; {points} is not one.</source>
        <translation>Points become cash in steps of {step}; {points} is not one.</translation>
    </message>
    <message>
        <source>Those points are {expected} in cash, not {got}.</source>
        <translation>Those points are {expected} in cash, not {got}.</translation>
    </message>
    <message>
        <source>{got} points received without a gift of as many points given just before at this counter.</source>
        <translation>{got} points received without a gift of as many points given just before at this counter.</translation>
    </message>
    <message>
        <source>A void takes back exactly what the operation moved: {expected} points, not {got}.</source>
        <translation>A void takes back exactly what the operation moved: {expected} points, not {got}.</translation>
    </message>
    <message>
        <source>A {kind} entry cannot be voided.</source>
        <translation>A {kind} entry cannot be voided.</translation>
    </message>
    <message>
        <source>The voided operation belongs to another member.</source>
        <translation>The voided operation belongs to another member.</translation>
    </message>
    <message>
        <source>The operation is from {when}; only the last {days} days can be voided.</source>
        <translation>The operation is from {when}; only the last {days} days can be voided.</translation>
    </message>
    <message>
        <source>Tiers follow the spend the server counts: the member holds {expected} there, not {got}.</source>
        <translation>Tiers follow the spend the server counts: the member holds {expected} there, not {got}.</translation>
    </message>
    <message>
        <source>The server knows no kind of points entry {kind}.</source>
        <translation>The server knows no kind of points entry {kind}.</translation>
    </message>
    <message>
        <source>The server never published rules version {version}.</source>
        <translation>The server never published rules version {version}.</translation>
    </message>
    <message>
        <source>Rules version {version} was no longer in force at the operation's time (version {in_force} was); the counter had not pulled the new rules for too long.</source>
        <translation>Rules version {version} was no longer in force at the operation's time (version {in_force} was); the counter had not pulled the new rules for too long.</translation>
    </message>
    <message>
        <source>The server has no event {event} set up at this counter; it gives no activity points for it.</source>
        <translation>The server has no event {event} set up at this counter; it gives no activity points for it.</translation>
    </message>
    <message>
        <source>This counter set up event {event} at the server already.</source>
        <translation>This counter set up event {event} at the server already.</translation>
    </message>
    <message>
        <source>Event {event} gives {points} points for a check-in; the chain's rules allow at most {limit}.</source>
        <translation>Event {event} gives {points} points for a check-in; the chain's rules allow at most {limit}.</translation>
    </message>
    <message>
        <source>The check-in at {at} is outside event {event}'s hours ({starts_at} to {ends_at}).</source>
        <translation>The check-in at {at} is outside event {event}'s hours ({starts_at} to {ends_at}).</translation>
    </message>
    <message>
        <source>The server has no check-in of member {member_no} at {event} from this counter; activity points come with the check-in.</source>
        <translation>The server has no check-in of member {member_no} at {event} from this counter; activity points come with the check-in.</translation>
    </message>
    <message>
        <source>Member {member_no} was given the points for {event} already; they are given once per event.</source>
        <translation>Member {member_no} was given the points for {event} already; they are given once per event.</translation>
    </message>
    <message>
        <source>By the chain's rules these are {expected} points; the operation gave {delta}.</source>
        <translation>By the chain's rules these are {expected} points; the operation gave {delta}.</translation>
    </message>
    <message>
        <source>Member {member_no}'s birthday on file at the server is not in month {month}; no birthday gift is due.</source>
        <translation>Member {member_no}'s birthday on file at the server is not in month {month}; no birthday gift is due.</translation>
    </message>
    <message>
        <source>Member {member_no}'s birthday was changed on {when}; a birthday changed this year gives its gift from next year.</source>
        <translation>Member {member_no}'s birthday was changed on {when}; a birthday changed this year gives its gift from next year.</translation>
    </message>
    <message>
        <source>Member {member_no} was given the birthday gift of {year} already.</source>
        <translation>Member {member_no} was given the birthday gift of {year} already.</translation>
    </message>
    <message>
        <source>Member {member_no} neither registered with a referrer nor referred anyone; no referral points are due.</source>
        <translation>Member {member_no} neither registered with a referrer nor referred anyone; no referral points are due.</translation>
    </message>
    <message>
        <source>Member {member_no} was given the referral points due already.</source>
        <translation>Member {member_no} was given the referral points due already.</translation>
    </message>
    <message>
        <source>The server has no approved compensation request {request} for these points; they are not due.</source>
        <translation>The server has no approved compensation request {request} for these points; they are not due.</translation>
    </message>
    <message>
        <source>Compensation request {request} was paid already; it is not paid twice.</source>
        <translation>Compensation request {request} was paid already; it is not paid twice.</translation>
    </message>
    <message>
        <source>Compensation request {request} is for another member's complaint, not member {member_no}.</source>
        <translation>Compensation request {request} is for another member's complaint, not member {member_no}.</translation>
    </message>
    <message>
        <source>Compensation request {request} was approved for {expected} points; the operation gave {delta}.</source>
        <translation>Compensation request {request} was approved for {expected} points; the operation gave {delta}.</translation>
    </message>
    <message>
        <source>Member {member_no} spent more than the balance: {balance_before} → {balance_after} points ({delta}).</source>
        <translation>Member {member_no} spent more than the balance: {balance_before} → {balance_after} points ({delta}).</translation>
    </message>
    <message>
        <source>Coupon {code} was written off again at {again_at}; first used at {first_used_at}.</source>
        <translation>Coupon {code} was written off again at {again_at}; first used at {first_used_at}.</translation>
    </message>
    <message>
        <source>Slip {slip_no} earned points at two counters (member {member_no}).</source>
        <translation>Slip {slip_no} earned points at two counters (member {member_no}).</translation>
    </message>
    <message>
        <source>Member {member_no}: {fields} changed at another counter first; that value stands, check it with the member.</source>
        <translation>Member {member_no}: {fields} changed at another counter first; that value stands, check it with the member.</translation>
    </message>
    <message>
        <source>Member {member_no}'s code was scanned at counter {counter_no} at {again_at}, but counter {first_counter_no} had scanned it at {first_at}: one was a copy.</source>
        <translation>Member {member_no}'s code was scanned at counter {counter_no} at {again_at}, but counter {first_counter_no} had scanned it at {first_at}: one was a copy.</translation>
    </message>
    <message>
        <source>Audit log broken</source>
        <translation>Audit log broken</translation>
    </message>
    <message>
        <source>Counter {counter_no}'s audit log does not continue at entry {seq} the entries the server acknowledged (up to {acknowledged_seq}): entries there were cut or rewritten.</source>
        <translation>Counter {counter_no}'s audit log does not continue at entry {seq} the entries the server acknowledged (up to {acknowledged_seq}): entries there were cut or rewritten.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review list</source>
        <translation>Review list</translation>
    </message>
    <message>
        <source>Operations the central server refused, and items it opened for a manager (overdraws, coupons used twice).</source>
        <translation>Operations the central server refused, and items it opened for a manager (overdraws, coupons used twice).</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Close the review list</source>
        <translation>Close the review list</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <source>The member did not want a receipt</source>
        <translation>The member did not want a receipt</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Central server</source>
        <translation>Central server</translation>
    </message>
    <message>
        <source>A counter of a chain enrols with the central server to share members and points. A single store can stay standalone and enrol later.</source>
        <translation>A counter of a chain enrols with the central server to share members and points. A single store can stay standalone and enrol later.</translation>
    </message>
    <message>
        <source>Stay s&amp;tandalone</source>
        <translation>Stay s&amp;tandalone</translation>
    </message>
    <message>
        <source>This counter keeps its members to itself. Enrol later under Settings › Server (Ctrl+,), or from the command line: counter-app enroll --server URL --code CODE.</source>
        <translation>This counter keeps its members to itself. Enrol later under Settings › Server (Ctrl+,), or from the command line: counter-app enroll --server URL --code CODE.</translation>
    </message>
    <message>
        <source>&amp;Enrol with the central server</source>
        <translation>&amp;Enrol with the central server</translation>
    </message>
    <message>
        <source>Ask the server's administrator for a one-time enrolment code (counter-server enroll-code --store NAME).</source>
        <translation>Ask the server's administrator for a one-time enrolment code (counter-server enroll-code --store NAME).</translation>
    </message>
    <message>
        <source>Server &amp;address</source>
        <translation>Server &amp;address</translation>
    </message>
    <message>
        <source>One-time c&amp;ode</source>
        <translation>One-time c&amp;ode</translation>
    </message>
    <message>
        <source>Enrol &amp;now</source>
        <translation>Enrol &amp;now</translation>
    </message>
    <message>
        <source>Enrolled with %1: store %2, counter number %3. Press Next to go on.</source>
        <translation>Enrolled with %1: store %2, counter number %3. Press Next to go on.</translation>
    </message>
    <message>
        <source>Type the address and the code, then press Enter to enrol.</source>
        <translation>Type the address and the code, then press Enter to enrol.</translation>
    </message>
    <message>
        <source>Enrolling with %1…</source>
        <translation>Enrolling with %1…</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Camera and scanner</source>
        <translation>Camera and scanner</translation>
    </message>
    <message>
        <source>Language and display</source>
        <translation>Language and display</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>The mall or store shown on screen and receipts</source>
        <translation>The mall or store shown on screen and receipts</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Store name</translation>
    </message>
    <message>
        <source>This counter's name, e.g. 1F 服务台</source>
        <translation>This counter's name, e.g. 1F 服务台</translation>
    </message>
    <message>
        <source>Counter name</source>
        <translation>Counter name</translation>
    </message>
    <message>
        <source>This counter's number in the chain; part of every member number</source>
        <translation>This counter's number in the chain; part of every member number</translation>
    </message>
    <message>
        <source>Counter number</source>
        <translation>Counter number</translation>
    </message>
    <message>
        <source>Lock the desk after this many idle minutes (0: never)</source>
        <translation>Lock the desk after this many idle minutes (0: never)</translation>
    </message>
    <message>
        <source>Lock when idle (minutes)</source>
        <translation>Lock when idle (minutes)</translation>
    </message>
    <message>
        <source>How many members a search lists at most</source>
        <translation>How many members a search lists at most</translation>
    </message>
    <message>
        <source>Search results at most</source>
        <translation>Search results at most</translation>
    </message>
    <message>
        <source>Version of the privacy notice members consent to</source>
        <translation>Version of the privacy notice members consent to</translation>
    </message>
    <message>
        <source>Privacy notice version</source>
        <translation>Privacy notice version</translation>
    </message>
    <message>
        <source>The receipt printer: tcp://HOST:9100, usb://VID:PID, serial:///dev/ttyUSB0?baud=9600, file:///dev/usb/lp0, lp://QUEUE; empty: none</source>
        <translation>The receipt printer: tcp://HOST:9100, usb://VID:PID, serial:///dev/ttyUSB0?baud=9600, file:///dev/usb/lp0, lp://QUEUE; empty: none</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>Printer address</translation>
    </message>
    <message>
        <source>Paper width in mm: 58 (32 columns) or 80 (48 columns)</source>
        <translation>Paper width in mm: 58 (32 columns) or 80 (48 columns)</translation>
    </message>
    <message>
        <source>Paper width (mm)</source>
        <translation>Paper width (mm)</translation>
    </message>
    <message>
        <source>80 mm (48 characters a line)</source>
        <translation>80 mm (48 characters a line)</translation>
    </message>
    <message>
        <source>58 mm (32 characters a line)</source>
        <translation>58 mm (32 characters a line)</translation>
    </message>
    <message>
        <source>The printer's Chinese font: gb18030, gbk, or raster (none: Chinese is printed as pictures)</source>
        <translation>The printer's Chinese font: gb18030, gbk, or raster (none: Chinese is printed as pictures)</translation>
    </message>
    <message>
        <source>Chinese characters</source>
        <translation>Chinese characters</translation>
    </message>
    <message>
        <source>GB18030 font (most printers sold in China)</source>
        <translation>GB18030 font (most printers sold in China)</translation>
    </message>
    <message>
        <source>GBK font (older printers)</source>
        <translation>GBK font (older printers)</translation>
    </message>
    <message>
        <source>No Chinese font: print Chinese as pictures (slower)</source>
        <translation>No Chinese font: print Chinese as pictures (slower)</translation>
    </message>
    <message>
        <source>QR codes drawn by the printer (native) or sent as pictures (image)</source>
        <translation>QR codes drawn by the printer (native) or sent as pictures (image)</translation>
    </message>
    <message>
        <source>QR codes</source>
        <translation>QR codes</translation>
    </message>
    <message>
        <source>Drawn by the printer</source>
        <translation>Drawn by the printer</translation>
    </message>
    <message>
        <source>Sent as pictures (printers that cannot draw QR codes)</source>
        <translation>Sent as pictures (printers that cannot draw QR codes)</translation>
    </message>
    <message>
        <source>Whether the printer answers status queries (paper out, cover open)</source>
        <translation>Whether the printer answers status queries (paper out, cover open)</translation>
    </message>
    <message>
        <source>Printer reports its status</source>
        <translation>Printer reports its status</translation>
    </message>
    <message>
        <source>A picture printed at the top of every receipt (PNG or JPEG); empty: none</source>
        <translation>A picture printed at the top of every receipt (PNG or JPEG); empty: none</translation>
    </message>
    <message>
        <source>Receipt logo</source>
        <translation>Receipt logo</translation>
    </message>
    <message>
        <source>Print a receipt after every operation when a printer is set</source>
        <translation>Print a receipt after every operation when a printer is set</translation>
    </message>
    <message>
        <source>Print a receipt after each operation</source>
        <translation>Print a receipt after each operation</translation>
    </message>
    <message>
        <source>The counter camera: its number (0, 1, …), a device path or a video file; empty: no camera</source>
        <translation>The counter camera: its number (0, 1, …), a device path or a video file; empty: no camera</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Longest pause between a scanner's keystrokes, in ms (people type 80+ ms apart)</source>
        <translation>Longest pause between a scanner's keystrokes, in ms (people type 80+ ms apart)</translation>
    </message>
    <message>
        <source>Scanner key gap (ms)</source>
        <translation>Scanner key gap (ms)</translation>
    </message>
    <message>
        <source>Fewest characters a scan has</source>
        <translation>Fewest characters a scan has</translation>
    </message>
    <message>
        <source>Shortest scan (characters)</source>
        <translation>Shortest scan (characters)</translation>
    </message>
    <message>
        <source>Characters the scanner sends before each code (empty: none)</source>
        <translation>Characters the scanner sends before each code (empty: none)</translation>
    </message>
    <message>
        <source>Scanner prefix</source>
        <translation>Scanner prefix</translation>
    </message>
    <message>
        <source>What the scanner sends after each code</source>
        <translation>What the scanner sends after each code</translation>
    </message>
    <message>
        <source>Scanner suffix</source>
        <translation>Scanner suffix</translation>
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
        <translation>Nothing (the scan ends when the keys stop)</translation>
    </message>
    <message>
        <source>Language of the desk: zh_CN or en</source>
        <translation>Language of the desk: zh_CN or en</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Colours of the desk: standard, or high_contrast (black on white, strong outlines)</source>
        <translation>Colours of the desk: standard, or high_contrast (black on white, strong outlines)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>High contrast (black on white, strong outlines)</source>
        <translation>High contrast (black on white, strong outlines)</translation>
    </message>
    <message>
        <source>Text size in percent of the standard size</source>
        <translation>Text size in percent of the standard size</translation>
    </message>
    <message>
        <source>Text size (%)</source>
        <translation>Text size (%)</translation>
    </message>
    <message>
        <source>Seconds between syncs with the central server while all is well</source>
        <translation>Seconds between syncs with the central server while all is well</translation>
    </message>
    <message>
        <source>Sync every (seconds)</source>
        <translation>Sync every (seconds)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>The settings' pages (Ctrl+Page Down / Ctrl+Page Up to move between them)</source>
        <translation>The settings' pages (Ctrl+Page Down / Ctrl+Page Up to move between them)</translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>Restore &amp;defaults</translation>
    </message>
    <message>
        <source>Put this page's settings back to their defaults; nothing is saved until you press Save (Alt+D)</source>
        <translation>Put this page's settings back to their defaults; nothing is saved until you press Save (Alt+D)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Close without saving (Esc)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S or Enter)</source>
        <translation>Save the changes (Ctrl+S or Enter)</translation>
    </message>
    <message>
        <source>Only an administrator can change the settings. You can look at them and test the printer and camera; an administrator can approve changes here with their own ID and PIN.</source>
        <translation>Only an administrator can change the settings. You can look at them and test the printer and camera; an administrator can approve changes here with their own ID and PIN.</translation>
    </message>
    <message>
        <source>Administrator &amp;approves…</source>
        <translation>Administrator &amp;approves…</translation>
    </message>
    <message>
        <source>An administrator types their ID and PIN to allow changes in this dialog (Alt+A)</source>
        <translation>An administrator types their ID and PIN to allow changes in this dialog (Alt+A)</translation>
    </message>
    <message>
        <source>(%1 to %2)</source>
        <translation>(%1 to %2)</translation>
    </message>
    <message>
        <source>Takes effect the next time the desk starts.</source>
        <translation>Takes effect the next time the desk starts.</translation>
    </message>
    <message>
        <source>Central server</source>
        <translation>Central server</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>Enrol this counter</source>
        <translation>Enrol this counter</translation>
    </message>
    <message>
        <source>The server's administrator gives a one-time code for this counter. Enrolling joins the counter to the chain: its members, points and coupons then sync with the server.</source>
        <translation>The server's administrator gives a one-time code for this counter. Enrolling joins the counter to the chain: its members, points and coupons then sync with the server.</translation>
    </message>
    <message>
        <source>The central server's address, starting with http:// or https://</source>
        <translation>The central server's address, starting with http:// or https://</translation>
    </message>
    <message>
        <source>The one-time enrolment code from the server's administrator; Enter enrols</source>
        <translation>The one-time enrolment code from the server's administrator; Enter enrols</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;Enrol</translation>
    </message>
    <message>
        <source>Enrol this counter with the server now (Alt+E)</source>
        <translation>Enrol this counter with the server now (Alt+E)</translation>
    </message>
    <message>
        <source>Se&amp;rver address</source>
        <translation>Se&amp;rver address</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>%1 approved changes in this dialog; both names go into the audit log.</source>
        <translation>%1 approved changes in this dialog; both names go into the audit log.</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to save (%1).</source>
        <translation>Correct the fields marked in red to save (%1).</translation>
    </message>
    <message>
        <source>%1 changed, not saved yet.</source>
        <translation>%1 changed, not saved yet.</translation>
    </message>
    <message>
        <source>The settings could not be saved; nothing was changed. Try again, and see the log if it happens again.</source>
        <translation>The settings could not be saved; nothing was changed. Try again, and see the log if it happens again.</translation>
    </message>
    <message>
        <source>Not enrolled: this counter works on its own, with its own members.</source>
        <translation>Not enrolled: this counter works on its own, with its own members.</translation>
    </message>
    <message>
        <source>Never yet</source>
        <translation>Never yet</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>%1 operations</source>
        <translation>%1 operations</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nothing</translation>
    </message>
    <message>
        <source>Asking the server at %1…</source>
        <translation>Asking the server at %1…</translation>
    </message>
    <message>
        <source>Enrolled with %1 as counter %2. The counter now syncs with the server.</source>
        <translation>Enrolled with %1 as counter %2. The counter now syncs with the server.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; try again, and see the log if it happens again.</source>
        <translation>Something unexpected went wrong; try again, and see the log if it happens again.</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Store and counter</source>
        <translation>Store and counter</translation>
    </message>
    <message>
        <source>Type the store's name as customers know it, and a name for this counter. Both are shown on screen and printed on receipts.</source>
        <translation>Type the store's name as customers know it, and a name for this counter. Both are shown on screen and printed on receipts.</translation>
    </message>
    <message>
        <source>&amp;Store name</source>
        <translation>&amp;Store name</translation>
    </message>
    <message>
        <source>&amp;Counter name</source>
        <translation>&amp;Counter name</translation>
    </message>
    <message>
        <source>Required, at most 40 characters, e.g. 万象城.</source>
        <translation>Required, at most 40 characters, e.g. 万象城.</translation>
    </message>
    <message>
        <source>At most 40 characters, e.g. 1F 服务台; may stay empty.</source>
        <translation>At most 40 characters, e.g. 1F 服务台; may stay empty.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>First sync %p%</source>
        <translation>First sync %p%</translation>
    </message>
    <message>
        <source>Standalone</source>
        <translation>Standalone</translation>
    </message>
    <message>
        <source>Not connected to a central server; everything is kept on this computer.</source>
        <translation>Not connected to a central server; everything is kept on this computer.</translation>
    </message>
    <message>
        <source>● Online · synced %1</source>
        <translation>● Online · synced %1</translation>
    </message>
    <message>
        <source>○ Offline · last sync %1</source>
        <translation>○ Offline · last sync %1</translation>
    </message>
    <message>
        <source>Clock off by %1 s</source>
        <translation>Clock off by %1 s</translation>
    </message>
    <message>
        <source>This computer's clock differs from the server's; set it right (times on receipts and in the audit log come from it).</source>
        <translation>This computer's clock differs from the server's; set it right (times on receipts and in the audit log come from it).</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Review: %1</translation>
    </message>
</context>
<context>
    <name>Tiers</name>
    <message>
        <source>Regular</source>
        <translation>Regular</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>Diamond</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to the Member Service Desk</source>
        <translation>Welcome to the Member Service Desk</translation>
    </message>
    <message>
        <source>Choose the language of the desk, then press Enter (Next) to set up this counter.</source>
        <translation>Choose the language of the desk, then press Enter (Next) to set up this counter.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>This wizard sets up the desk in a few minutes: it names the store and this counter, creates the first administrator, connects the counter to the chain's central server or leaves it standalone, and tests the receipt printer and the camera. Every step can be changed later in the settings.</source>
        <translation>This wizard sets up the desk in a few minutes: it names the store and this counter, creates the first administrator, connects the counter to the chain's central server or leaves it standalone, and tests the receipt printer and the camera. Every step can be changed later in the settings.</translation>
    </message>
    <message>
        <source>1. Store and counter names</source>
        <translation>1. Store and counter names</translation>
    </message>
    <message>
        <source>2. The first administrator</source>
        <translation>2. The first administrator</translation>
    </message>
    <message>
        <source>3. Central server, or standalone</source>
        <translation>3. Central server, or standalone</translation>
    </message>
    <message>
        <source>4. Receipt printer, with a test page</source>
        <translation>4. Receipt printer, with a test page</translation>
    </message>
    <message>
        <source>5. Camera for member codes</source>
        <translation>5. Camera for member codes</translation>
    </message>
    <message>
        <source>If the desk is closed before the end, setup carries on from the unfinished step at the next start.</source>
        <translation>If the desk is closed before the end, setup carries on from the unfinished step at the next start.</translation>
    </message>
</context>
<context>
    <name>WriteOffDialog</name>
    <message>
        <source>Write off a coupon</source>
        <translation>Write off a coupon</translation>
    </message>
    <message>
        <source>Spend (¥), optional</source>
        <translation>Spend (¥), optional</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Write off</source>
        <translation>Write off</translation>
    </message>
    <message>
        <source>Write the coupon off now</source>
        <translation>Write the coupon off now</translation>
    </message>
    <message>
        <source>Leave the coupon as it is</source>
        <translation>Leave the coupon as it is</translation>
    </message>
    <message>
        <source>%1 · ¥%2 off a spend of ¥%3 · valid until %4</source>
        <translation>%1 · ¥%2 off a spend of ¥%3 · valid until %4</translation>
    </message>
    <message>
        <source>Coupon %1 written off: ¥%2 off.</source>
        <translation>Coupon %1 written off: ¥%2 off.</translation>
    </message>
</context>
<context>
    <name>_DeskDialog</name>
    <message>
        <source>%1 · %2 · %3 points</source>
        <translation>%1 · %2 · %3 points</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Try again.</source>
        <translation>Something unexpected went wrong; nothing was changed. Try again.</translation>
    </message>
</context>
<context>
    <name>_Page</name>
    <message>
        <source>Something unexpected went wrong; try again, and see the log if it happens again.</source>
        <translation>Something unexpected went wrong; try again, and see the log if it happens again.</translation>
    </message>
</context>
</TS>