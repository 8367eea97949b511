/**
 * links — 5-8-links （５）⑧「これらに関連する内容の外部サイトへのリンクも行ってはならない」: an
 * external link presented as leading to forbidden content, in the category of that content.
 */
import { ruleTester } from '../helpers.ts';

ruleTester('links', {
  valid: [
    { text: '詳しくは市ホームページをご覧ください。https://www.city.hirakawa.lg.jp/kurashi/gomi.html', why: 'the city site' },
    { text: '青森県の発表はこちら https://www.pref.aomori.lg.jp/soshiki/kikaku/', why: 'another public body (lg.jp)' },
    { text: 'まとめ資料は県のサイト https://www.pref.aomori.lg.jp/matome.pdf にあります。', why: 'まとめ next to a public body link is a summary document' },
    { text: 'イベントの詳細は観光協会のサイトへ https://hirakawa-kanko.example.jp/event', why: 'external link with neutral text' },
    { text: '感染症情報は厚生労働省 https://www.mhlw.go.jp/ をご確認ください。', why: 'go.jp' },
    { text: '当日の様子は動画でどうぞ https://www.youtube.com/watch?v=abc123', why: 'external video, neutral text' },
    { text: '市議会の中継は https://hirakawa.gijiroku.example.jp/ でご覧になれます。', why: 'neutral external service' },
    { text: 'りんご公園の桜まつりの写真をまとめました。https://www.city.hirakawa.lg.jp/photo/', why: 'まとめ with a city link' },
  ],
  invalid: [
    { text: 'ヤバい住民のまとめはこちら https://matome.example.com/hirakawa', rule: 'links:insult', category: 'insult', excerpt: 'https://matome.example.com/hirakawa', severity: 'block', paraphrase: 'やばい住人をまとめたページ → https://matome.example.com/hirakawa' },
    { text: '平川市の晒しスレ https://bbs.example.jp/thread/123', rule: 'links:insult', category: 'insult', excerpt: 'https://bbs.example.jp/thread/123', paraphrase: '平川市民をさらしている掲示板はこちら https://bbs.example.jp/thread/123' },
    { text: '新作映画が無料で全部見られるサイト https://free-movie.example.net/', rule: 'links:illegal', category: 'illegal', excerpt: 'free-movie.example.net', severity: 'block', paraphrase: '最新の映画がタダで見放題のサイトです https://free-movie.example.net/' },
    { text: '停電の噂はここで拡散されてます https://rumor.example.org/post/1', rule: 'links:rumour', category: 'rumour', excerpt: 'https://rumor.example.org/post/1', paraphrase: '停電のうわさが広まっているのはこのページです https://rumor.example.org/post/1' },
    { text: '出会いを探すなら https://deai.example.com/', rule: 'links:public_order', category: 'public_order', excerpt: 'https://deai.example.com/', severity: 'block', paraphrase: '出会いが欲しい人はこちらへ https://deai.example.com/' },
    { text: '偽ブランドのバッグが安く買える https://shop.example.cn/bag', rule: 'links:illegal', category: 'illegal', excerpt: 'shop.example.cn', paraphrase: 'ブランド品のコピーバッグが格安で手に入ります https://shop.example.cn/bag', paraphraseTodo: true },
    { text: '真偽不明だけど、この記事 https://news.example.com/a/1', rule: 'links:rumour', category: 'rumour', excerpt: 'news.example.com', paraphrase: '本当かどうか分からないけど、この記事を見て https://news.example.com/a/1', paraphraseTodo: true },
    { text: '窓口に来たバカな客の話 https://blog.example.com/entry/99', rule: 'links:insult', category: 'insult', excerpt: 'blog.example.com', paraphrase: '窓口に来たアホな客のことを書きました https://blog.example.com/entry/99' },
  ],
});
