// UI strings in English and Simplified Chinese; the choice is remembered, else taken from the browser.
const STRINGS = {
  en: {
    'app.name': 'Origin Live', 'nav.home': 'Home', 'nav.host': 'Host console', 'nav.coop': 'Cooperative',
    'lang.label': 'Language', 'home.live': 'Live now', 'home.upcoming': 'Coming up', 'home.none': 'Nothing here yet.',
    'home.stores': 'Cooperatives', 'home.watch': 'Watch', 'home.visit': 'Visit storefront',
    'status.SCHEDULED': 'Scheduled', 'status.LIVE': 'Live', 'status.ENDED': 'Ended', 'status.CANCELLED': 'Cancelled',
    'signin.title': 'Sign in', 'signin.email': 'Email', 'signin.password': 'Password', 'signin.submit': 'Sign in',
    'signin.out': 'Sign out', 'signin.as': 'Signed in as {name}', 'signin.failed': 'Sign-in failed: {detail}',
    'signin.demo': 'Demo accounts use the password originlive-demo.',
    'live.stream': 'Open the stream', 'live.viewers': '{n} watching', 'live.pinned': 'Featured now',
    'live.items': 'In this sale', 'live.left': '{n} of {total} left', 'live.soldout': 'Sold out',
    'live.startsIn': 'Starts in {t}', 'live.endsIn': 'Ends in {t}', 'live.buy': 'Buy', 'live.qty': 'Quantity',
    'live.reserved': 'Reserved. Pay within {t}.', 'live.paid': 'Paid. Thank you!',
    'live.expired': 'The reservation expired.', 'live.signinToBuy': 'Sign in to buy and chat.',
    'pay.choose': 'Pay {amount} with', 'pay.WECHAT_PAY': 'WeChat Pay', 'pay.ALIPAY': 'Alipay', 'pay.SANDBOX': 'Sandbox (test)',
    'pay.unavailable': '{provider} is not available here; choose another way to pay.', 'pay.waiting': 'Waiting for the payment…',
    'pay.scan': 'Scan with {provider} to pay.', 'pay.qrAlt': 'QR code to pay with {provider}', 'pay.continue': 'Continue to {provider}',
    'pay.closed': 'That payment was closed; choose a way to pay again.', 'pay.failed': 'That payment failed; choose a way to pay again.',
    'pay.refunded': 'That payment came too late and is being refunded.', 'pay.expired': 'That payment expired.',
    'sandbox.title': 'Sandbox payment', 'sandbox.hint': 'A test payment: no money moves.', 'sandbox.trade': 'Trade {trade}',
    'sandbox.pay': 'Pay (sandbox)', 'sandbox.paid': 'Paid. Taking you back…', 'sandbox.back': 'Back',
    'sandbox.noTrade': 'This link names no trade to pay.', 'sandbox.signin': 'Sign in as the buyer to pay.',
    'live.address': 'Shipping address', 'addr.name': 'Name', 'addr.line1': 'Address', 'addr.city': 'City',
    'addr.country': 'Country (2 letters)', 'addr.phone': 'Phone', 'live.connection': 'Live updates: {state}',
    'conn.open': 'connected', 'conn.closed': 'reconnecting…', 'live.notFound': 'This sale does not exist.',
    'chat.title': 'Chat', 'chat.message': 'Message', 'chat.send': 'Send', 'chat.question': 'Ask as a question',
    'chat.held': 'Your message waits for a moderator.', 'chat.q': 'Q', 'react.like': 'Like', 'react.heart': 'Love',
    'react.fire': 'Fire', 'react.title': 'Reactions',
    'host.create': 'New sale', 'host.saleTitle': 'Title', 'host.streamUrl': 'Another player (optional link)', 'host.startsAt': 'Starts',
    'host.endsAt': 'Ends', 'host.products': 'Products from cooperatives', 'host.search': 'Search products', 'host.add': 'Add',
    'host.price': 'Sale price (minor units)', 'host.quantity': 'Quantity', 'host.limit': 'Limit per buyer',
    'host.createSubmit': 'Create sale', 'host.mySales': 'My sales', 'host.start': 'Start', 'host.end': 'End',
    'host.pin': 'Pin', 'host.open': 'Manage', 'host.stats': 'Numbers', 'stats.orders': 'Paid orders',
    'stats.units': 'Units sold', 'stats.gross': 'Revenue', 'stats.lastMinute': 'Orders in the last minute',
    'stats.viewers': 'Viewers', 'stats.peak': 'Peak viewers', 'host.viewerLink': 'Viewer page',
    'host.moderation': 'Moderation', 'host.held': 'Held messages', 'host.approve': 'Approve', 'host.delete': 'Delete',
    'host.ban': 'Ban', 'host.slowMode': 'Slow mode (seconds)', 'host.chatEnabled': 'Chat enabled',
    'host.saveSettings': 'Save chat settings', 'host.noHeld': 'No held messages.', 'host.recentChat': 'Recent chat',
    'host.selected': 'Selected products', 'host.created': 'Sale created.', 'host.none': 'No sales yet.',
    'coop.queue': 'Fulfilment queue', 'coop.earnings': 'Earnings', 'coop.accept': 'Accept', 'coop.ship': 'Ship',
    'coop.deliver': 'Mark delivered', 'coop.carrier': 'Carrier', 'coop.tracking': 'Tracking number',
    'coop.empty': 'Nothing to do.', 'coop.order': 'Order {id}', 'coop.to': 'To {name}, {city}',
    'coop.gross': 'Gross', 'coop.fee': 'Platform fee', 'coop.net': 'Net', 'coop.orders': 'Orders',
    'coop.filter': 'Show', 'coop.all': 'All', 'fstatus.NEW': 'New', 'fstatus.ACCEPTED': 'Accepted',
    'fstatus.SHIPPED': 'Shipped', 'fstatus.DELIVERED': 'Delivered', 'fstatus.CANCELLED': 'Cancelled',
    'balance.title': 'Balance', 'balance.pending': 'Pending', 'balance.available': 'Available',
    'balance.inTransit': 'In transit', 'balance.paidOut': 'Paid out', 'balance.actions': 'Actions',
    'balance.payOutAll': 'Pay out all available', 'payout.destination': 'Payout destination',
    'payout.provider': 'Provider', 'payout.accountName': 'Account name', 'payout.accountNumber': 'Account number',
    'payout.accountHint': 'For MTN MoMo and M-Pesa, a phone number in international form, e.g. +250788123456.',
    'payout.currency': 'Currency', 'payout.currencyHint': 'Three-letter ISO code, e.g. RWF, KES, CNY.',
    'payout.save': 'Save destination', 'payout.saved': 'Payout destination saved.',
    'payout.current': 'Paid to {name}, {number} ({provider}, {currency})', 'payout.noDestination': 'No payout destination yet.',
    'payout.submitted': 'Payout of {amount} submitted.', 'payout.list': 'Payouts', 'payout.none': 'No payouts yet.',
    'payout.date': 'Date', 'payout.amount': 'Amount', 'payout.received': 'Received', 'payout.status': 'Status',
    'provider.SANDBOX': 'Sandbox', 'provider.MTN_MOMO': 'MTN Mobile Money', 'provider.MPESA': 'M-Pesa',
    'provider.BANK_MANUAL': 'Bank transfer (manual)', 'pstatus.SUBMITTED': 'Submitted', 'pstatus.SUCCEEDED': 'Paid',
    'pstatus.FAILED': 'Failed', 'ledger.latest': 'Latest ledger entries', 'ledger.type': 'Entry', 'ledger.bucket': 'Balance',
    'ltype.PAYMENT': 'Payment', 'ltype.RELEASE': 'Released', 'ltype.REFUND': 'Refund',
    'ltype.PAYOUT_SUBMITTED': 'Payout submitted', 'ltype.PAYOUT_SUCCEEDED': 'Payout paid', 'ltype.PAYOUT_FAILED': 'Payout failed',
    'bucket.PENDING': 'Pending', 'bucket.AVAILABLE': 'Available', 'bucket.IN_TRANSIT': 'In transit', 'bucket.PAID_OUT': 'Paid out',
    'refund.title': 'Refund requests', 'refund.none': 'No refund requests.', 'refund.units': '{n} units',
    'refund.reason': 'Buyer\'s reason', 'refund.approve': 'Approve refund', 'refund.reject': 'Reject',
    'refund.rejectReason': 'Reason for rejecting', 'refund.approved': 'Refund approved.', 'refund.rejected': 'Refund rejected.',
    'lots.title': 'Lots', 'lots.none': 'No lots yet.', 'lots.code': 'Lot', 'lots.product': 'Product',
    'lots.harvest': 'Harvest', 'lots.producers': 'Producers', 'lots.hectares': 'Hectares', 'lots.certifications': 'Certifications',
    'video.IDLE': 'The host will be live soon.', 'video.UNAVAILABLE': 'No video for this sale.',
    'video.ENDED': 'This live sale has ended.', 'video.unmute': 'Unmute', 'video.mute': 'Mute',
    'stream.title': 'Video', 'stream.server': 'Server', 'stream.key': 'Stream key', 'stream.show': 'Show',
    'stream.hide': 'Hide', 'stream.copy': 'Copy', 'stream.copied': 'Copied.', 'stream.rotate': 'New key',
    'stream.rotateConfirm': 'Make a new key? The current one stops working and an encoder using it is cut off.',
    'stream.rotated': 'New stream key made.', 'stream.preview': 'Preview',
    'stream.hint': 'In OBS: Settings → Stream → Service “Custom…”, then paste Server and Stream Key. You can rehearse from 30 minutes before the start: only you see the rehearsal.',
    'stream.health': '{codec} · {w}×{h} · {fps} fps · {kbps} kbps', 'stream.noHealth': 'No signal yet.',
    'vstatus.IDLE': 'Waiting for the encoder', 'vstatus.PREVIEW': 'Rehearsal (only you see it)', 'vstatus.LIVE': 'Live',
    'vstatus.ENDED': 'Ended', 'vstatus.UNAVAILABLE': 'Unavailable',
    'store.products': 'Products', 'store.notFound': 'No such storefront.', 'store.stock': '{n} in stock',
    'replay.PROCESSING': 'The replay is being prepared…', 'replay.NONE': 'No replay for this sale.',
    'replay.chapters': 'Products in the replay', 'replay.featured': 'In the replay at {t}',
    'replay.gone': 'No longer available.', 'replay.highlights': 'Highlights',
    'error': 'Something went wrong: {detail}', 'loading': 'Loading…', 'refresh': 'Refresh',
  },
  'zh-CN': {
    'app.name': '源头直播', 'nav.home': '首页', 'nav.host': '主播控制台', 'nav.coop': '合作社',
    'lang.label': '语言', 'home.live': '正在直播', 'home.upcoming': '即将开始', 'home.none': '暂无内容。',
    'home.stores': '合作社', 'home.watch': '观看', 'home.visit': '进入店铺',
    'status.SCHEDULED': '未开始', 'status.LIVE': '直播中', 'status.ENDED': '已结束', 'status.CANCELLED': '已取消',
    'signin.title': '登录', 'signin.email': '邮箱', 'signin.password': '密码', 'signin.submit': '登录',
    'signin.out': '退出', 'signin.as': '已登录：{name}', 'signin.failed': '登录失败：{detail}',
    'signin.demo': '演示账号的密码是 originlive-demo。',
    'live.stream': '打开直播流', 'live.viewers': '{n} 人在看', 'live.pinned': '正在讲解',
    'live.items': '本场商品', 'live.left': '剩余 {n} / {total}', 'live.soldout': '已售罄',
    'live.startsIn': '{t} 后开始', 'live.endsIn': '{t} 后结束', 'live.buy': '购买', 'live.qty': '数量',
    'live.reserved': '已锁定库存，请在 {t} 内付款。', 'live.paid': '付款成功，谢谢！',
    'live.expired': '预留已过期。', 'live.signinToBuy': '登录后即可购买和聊天。',
    'pay.choose': '支付 {amount}，请选择：', 'pay.WECHAT_PAY': '微信支付', 'pay.ALIPAY': '支付宝', 'pay.SANDBOX': '沙盒（测试）',
    'pay.unavailable': '此处暂不支持{provider}，请选择其他支付方式。', 'pay.waiting': '正在等待付款…',
    'pay.scan': '请用{provider}扫码付款。', 'pay.qrAlt': '{provider}付款二维码', 'pay.continue': '前往{provider}',
    'pay.closed': '该笔支付已关闭，请重新选择支付方式。', 'pay.failed': '支付失败，请重新选择支付方式。',
    'pay.refunded': '该笔付款到账过晚，将原路退回。', 'pay.expired': '该笔支付已过期。',
    'sandbox.title': '沙盒支付', 'sandbox.hint': '测试付款，不会产生真实扣款。', 'sandbox.trade': '交易号 {trade}',
    'sandbox.pay': '付款（沙盒）', 'sandbox.paid': '付款成功，正在返回…', 'sandbox.back': '返回',
    'sandbox.noTrade': '链接中没有要支付的交易。', 'sandbox.signin': '请以买家身份登录后付款。',
    'live.address': '收货地址', 'addr.name': '收件人', 'addr.line1': '详细地址', 'addr.city': '城市',
    'addr.country': '国家（两位代码）', 'addr.phone': '电话', 'live.connection': '实时更新：{state}',
    'conn.open': '已连接', 'conn.closed': '重新连接中…', 'live.notFound': '该直播不存在。',
    'chat.title': '聊天', 'chat.message': '消息', 'chat.send': '发送', 'chat.question': '作为提问发送',
    'chat.held': '你的消息正在等待审核。', 'chat.q': '问', 'react.like': '赞', 'react.heart': '爱心',
    'react.fire': '火', 'react.title': '互动',
    'host.create': '新建直播', 'host.saleTitle': '标题', 'host.streamUrl': '其他播放器链接（可选）', 'host.startsAt': '开始时间',
    'host.endsAt': '结束时间', 'host.products': '合作社商品', 'host.search': '搜索商品', 'host.add': '添加',
    'host.price': '直播价（最小货币单位）', 'host.quantity': '数量', 'host.limit': '每人限购',
    'host.createSubmit': '创建直播', 'host.mySales': '我的直播', 'host.start': '开始', 'host.end': '结束',
    'host.pin': '置顶讲解', 'host.open': '管理', 'host.stats': '数据', 'stats.orders': '已付款订单',
    'stats.units': '已售件数', 'stats.gross': '销售额', 'stats.lastMinute': '最近一分钟订单',
    'stats.viewers': '观看人数', 'stats.peak': '最高观看', 'host.viewerLink': '观众页面',
    'host.moderation': '管理聊天', 'host.held': '待审核消息', 'host.approve': '通过', 'host.delete': '删除',
    'host.ban': '禁言', 'host.slowMode': '慢速模式（秒）', 'host.chatEnabled': '开启聊天',
    'host.saveSettings': '保存聊天设置', 'host.noHeld': '没有待审核消息。', 'host.recentChat': '最近聊天',
    'host.selected': '已选商品', 'host.created': '直播已创建。', 'host.none': '还没有直播。',
    'coop.queue': '待发货订单', 'coop.earnings': '收入', 'coop.accept': '接单', 'coop.ship': '发货',
    'coop.deliver': '标记为已送达', 'coop.carrier': '快递公司', 'coop.tracking': '运单号',
    'coop.empty': '暂无待办。', 'coop.order': '订单 {id}', 'coop.to': '寄往 {name}，{city}',
    'coop.gross': '总额', 'coop.fee': '平台服务费', 'coop.net': '净收入', 'coop.orders': '订单数',
    'coop.filter': '显示', 'coop.all': '全部', 'fstatus.NEW': '新订单', 'fstatus.ACCEPTED': '已接单',
    'fstatus.SHIPPED': '已发货', 'fstatus.DELIVERED': '已送达', 'fstatus.CANCELLED': '已取消',
    'balance.title': '余额', 'balance.pending': '待结算', 'balance.available': '可提现',
    'balance.inTransit': '提现中', 'balance.paidOut': '已提现', 'balance.actions': '操作',
    'balance.payOutAll': '全部提现', 'payout.destination': '收款账户',
    'payout.provider': '收款方式', 'payout.accountName': '账户名', 'payout.accountNumber': '账号',
    'payout.accountHint': 'MTN MoMo 和 M-Pesa 请填写国际格式的手机号，例如 +250788123456。',
    'payout.currency': '币种', 'payout.currencyHint': '三位 ISO 货币代码，例如 RWF、KES、CNY。',
    'payout.save': '保存收款账户', 'payout.saved': '收款账户已保存。',
    'payout.current': '收款人：{name}，{number}（{provider}，{currency}）', 'payout.noDestination': '尚未设置收款账户。',
    'payout.submitted': '已提交 {amount} 的提现。', 'payout.list': '提现记录', 'payout.none': '还没有提现记录。',
    'payout.date': '日期', 'payout.amount': '金额', 'payout.received': '到账金额', 'payout.status': '状态',
    'provider.SANDBOX': '沙盒', 'provider.MTN_MOMO': 'MTN 移动钱包', 'provider.MPESA': 'M-Pesa',
    'provider.BANK_MANUAL': '银行转账（人工）', 'pstatus.SUBMITTED': '已提交', 'pstatus.SUCCEEDED': '已到账',
    'pstatus.FAILED': '失败', 'ledger.latest': '最近账目', 'ledger.type': '类型', 'ledger.bucket': '余额类别',
    'ltype.PAYMENT': '付款', 'ltype.RELEASE': '解冻', 'ltype.REFUND': '退款',
    'ltype.PAYOUT_SUBMITTED': '提现已提交', 'ltype.PAYOUT_SUCCEEDED': '提现已到账', 'ltype.PAYOUT_FAILED': '提现失败',
    'bucket.PENDING': '待结算', 'bucket.AVAILABLE': '可提现', 'bucket.IN_TRANSIT': '提现中', 'bucket.PAID_OUT': '已提现',
    'refund.title': '退款申请', 'refund.none': '没有退款申请。', 'refund.units': '{n} 件',
    'refund.reason': '买家理由', 'refund.approve': '同意退款', 'refund.reject': '拒绝',
    'refund.rejectReason': '拒绝理由', 'refund.approved': '已同意退款。', 'refund.rejected': '已拒绝退款。',
    'lots.title': '批次', 'lots.none': '还没有批次。', 'lots.code': '批次号', 'lots.product': '商品',
    'lots.harvest': '采收期', 'lots.producers': '生产者', 'lots.hectares': '公顷', 'lots.certifications': '认证',
    'video.IDLE': '主播马上就来。', 'video.UNAVAILABLE': '本场没有视频。', 'video.ENDED': '本场直播已结束。',
    'video.unmute': '打开声音', 'video.mute': '静音',
    'stream.title': '视频', 'stream.server': '服务器', 'stream.key': '推流密钥', 'stream.show': '显示', 'stream.hide': '隐藏',
    'stream.copy': '复制', 'stream.copied': '已复制。', 'stream.rotate': '更换密钥',
    'stream.rotateConfirm': '更换密钥？当前密钥将失效，正在使用它的推流会被断开。', 'stream.rotated': '已生成新的推流密钥。',
    'stream.preview': '预览', 'stream.hint': '在 OBS 中：设置 → 直播 → 服务选“自定义…”，填入服务器和推流密钥。开播前 30 分钟起可以彩排，只有你能看到。',
    'stream.health': '{codec} · {w}×{h} · {fps} 帧/秒 · {kbps} kbps', 'stream.noHealth': '尚无信号。',
    'vstatus.IDLE': '等待推流', 'vstatus.PREVIEW': '彩排中（仅你可见）', 'vstatus.LIVE': '直播中', 'vstatus.ENDED': '已结束',
    'vstatus.UNAVAILABLE': '不可用',
    'store.products': '商品', 'store.notFound': '找不到该店铺。', 'store.stock': '库存 {n}',
    'replay.PROCESSING': '回放正在生成…', 'replay.NONE': '本场没有回放。',
    'replay.chapters': '回放中的商品', 'replay.featured': '回放 {t} 处讲解',
    'replay.gone': '已下架。', 'replay.highlights': '精彩片段',
    'error': '出错了：{detail}', 'loading': '加载中…', 'refresh': '刷新',
  },
};

export const LANGUAGES = [['en', 'English'], ['zh-CN', '简体中文']];
const KEY = 'originlive.lang';
const listeners = [];

function initial() {
  const saved = localStorage.getItem(KEY);
  if (saved && STRINGS[saved]) return saved;
  return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current = initial();

export function lang() { return current; }

/** The string for key in the current language, with {name} placeholders filled. */
export function t(key, params = {}) {
  const text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

export function setLang(next) {
  if (!STRINGS[next]) return;
  current = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
  translate(document);
  listeners.forEach((fn) => fn(next));
}

export function onLangChange(fn) { listeners.push(fn); }

/** Fills every element carrying data-i18n (text) or data-i18n-label (aria-label/placeholder). */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
}
