/**
 * The approval verdict of (4)③ (MARKERS.md B.11): only a re-post of the city's published
 * content or a post of established facts is exempt; look-alike hosts, shorteners, commentary and
 * any warn finding are never exempt.
 */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/engine/index.ts';
import { useCheckers } from './helpers.ts';

describe('approval exemptions', () => {
  const checkers = useCheckers();
  const check = (text: string) => checkers.tokenizer().check(text);

  it('a city URL re-post with a pointer is exempt as published, with the URL in the evidence', () => {
    const url = 'https://www.city.hirakawa.lg.jp/kurashi/gomi/fuyu.html';
    const r = check(`【市HP更新】冬期間のごみ収集日程を掲載しました。詳しくはこちら ${url}`);
    expect(r.findings).toEqual([]);
    expect(r.needs_approval).toBe(false);
    expect(r.exemption).toBe('published');
    expect(r.approval.clause).toBe('4-3-exempt-published');
    expect(r.approval.urls).toContain(url);
    expect(r.approval.markers.length).toBeGreaterThan(0);
  });

  it("a 市のドメイン exception counts as the city's site for the re-post exemption, however it was typed (a URL, an address)", () => {
    const text = '観光協会サイトのイベント情報を更新しました。詳しくはこちら https://www.hirakawa-kanko.example.jp/events/';
    expect(createChecker({ tokenizer: null }).check(text).exemption).toBeNull();
    for (const value of ['https://hirakawa-kanko.example.jp/news/', '@hirakawa-kanko.example.jp', 'HIRAKAWA-KANKO.example.jp']) {
      const r = createChecker({ tokenizer: null, exceptions: [{ kind: 'domain', value }] }).check(text);
      expect(r.exemption).toBe('published');
    }
  });

  it('a subdomain of the city host counts as the city site', () => {
    const r = check('図書館の開館カレンダーを更新しました。詳しくはこちら https://lib.city.hirakawa.lg.jp/calendar');
    expect(r.exemption).toBe('published');
  });

  it('a 広報ひらかわ reference is exempt as published', () => {
    const r = check('広報ひらかわ12月号でお知らせしたとおり、年末年始の窓口業務は12月29日から1月3日まで休止します。');
    expect(r.needs_approval).toBe(false);
    expect(r.exemption).toBe('published');
    expect(r.approval.markers).toContain('広報ひらかわ');
  });

  it('results only are exempt as facts, with the result markers', () => {
    const r = check('市民体育大会の結果、平賀地区が優勝、尾上地区が準優勝となりました。');
    expect(r.needs_approval).toBe(false);
    expect(r.exemption).toBe('facts');
    expect(r.approval.clause).toBe('4-3-exempt-facts');
    expect(r.approval.markers).toEqual(expect.arrayContaining(['結果', '優勝', '準優勝']));
  });

  it('a result with an opinion (…と思います) needs approval', () => {
    const r = check('市民体育大会の結果、平賀地区が優勝しました。来年はもっと盛り上がればいいと思います。');
    expect(r.needs_approval).toBe(true);
    expect(r.exemption).toBeNull();
    expect(r.approval.clause).toBe('4-3-approval');
    expect(r.approval.reason.length).toBeGreaterThan(0);
  });

  it.each([
    ['https://www.city.hirakawa.lg.jp.example.net/info', 'a city host as a prefix of another domain'],
    ['https://city-hirakawa-lg.example/info', 'dashes for dots'],
    ['https://hirakawa-city.example/info', 'a look-alike name'],
    ['https://bit.ly/3abcDEF', 'a shortener cannot be verified'],
    ['https://www.city.hirakawa.lg.jp@evil.example/info', 'user-info trick: the host is evil.example'],
  ])('%s is never exempt (%s)', (url) => {
    const r = check(`詳しくは市ホームページをご覧ください ${url}`);
    expect(r.needs_approval).toBe(true);
    expect(r.exemption).toBeNull();
    expect(r.approval.clause).toBe('4-3-approval');
  });

  it('a look-alike host is named in the evidence', () => {
    const r = check('詳しくは市ホームページをご覧ください https://www.city.hirakawa.lg.jp.example.net/info');
    expect(r.approval.markers).toContain('www.city.hirakawa.lg.jp.example.net');
  });

  it('a post with a warn finding and a city URL needs approval', () => {
    const r = check('来週の祭りは中止になるらしいです。詳しくは市ホームページをご覧ください https://www.city.hirakawa.lg.jp/event');
    expect(r.categories).toContain('rumour');
    expect(r.needs_approval).toBe(true);
    expect(r.exemption).toBeNull();
    expect(r.approval.reason).toContain('5-8-rumour');
  });

  it('a city link plus new commentary is not a plain re-post', () => {
    const r = check('夏祭りは中止だそうです。https://www.city.hirakawa.lg.jp/event');
    expect(r.needs_approval).toBe(true);
  });

  it('"市HP" without a link or 広報ひらかわ is not exempt', () => {
    const r = check('市HPに掲載しています。');
    expect(r.needs_approval).toBe(true);
    expect(r.exemption).toBeNull();
  });

  it('a clean event notice needs approval, with a reason', () => {
    const r = check('8月15日に平川ねぷたの運行を行います。ぜひお越しください。');
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe('ok');
    expect(r.needs_approval).toBe(true);
    expect(r.exemption).toBeNull();
    expect(r.approval.clause).toBe('4-3-approval');
    expect(r.approval.reason).toMatch(/了承/);
  });
});

describe('approval verdicts on posts written apart from the dev corpus', () => {
  const checkers = useCheckers();
  it.each([
    ['【市HP更新】固定資産税の納期限のお知らせを掲載しました。https://www.city.hirakawa.lg.jp/zeimu/koteishisan.html', false],
    ['広報ひらかわ11月号の特集「冬の暮らしガイド」を市ホームページでもご覧いただけます。https://www.city.hirakawa.lg.jp/koho/2025-11.html', false],
    ['広報ひらかわ10月号でお知らせしたとおり、10月20日から庁舎の駐車場が一部使えなくなります。', false],
    ['第15回平川市民ソフトバレー大会の結果です。優勝：猿賀チーム、準優勝：新屋チーム、第3位：柏木町チーム。', false],
    ['本日の市長杯ゴルフ大会は、晴天のもと予定どおり終了しました。参加者は120人でした。', false],
    ['【結果】中学校駅伝大会で平賀東中学校が優勝し、県大会への出場を決めました！おめでとう！', false],
    ['【結果】市民将棋大会の結果、優勝は山田さんでした。来年はもっと多くの方に参加してほしいです。', true],
    ['市ホームページをリニューアルしました。見やすくなったと思います！https://www.city.hirakawa.lg.jp/', true],
    ['【お知らせ】年末年始のごみ収集日程を市HPに掲載しました。https://bit.ly/3abcde', true],
    ['【お知らせ】年末年始のごみ収集日程を市HPに掲載しました。https://www.city-hirakawa.example.com/gomi', true],
    ['詳しくは市ホームページをご覧ください。', true],
    ['平川市の魅力を発信する動画を作りました。ぜひご覧ください！https://www.youtube.com/watch?v=abc', true],
    ['【再掲】インフルエンザ予防接種の助成について。https://www.city.hirakawa.lg.jp/kenko/influenza.html', false],
    ['明日のねぷたまつりは予定どおり開催します。', true],
    ['投票率は最終で45.12％でした（前回比+1.2ポイント）。', false],
    ['市議会議員選挙の開票結果を市ホームページに掲載しました。https://www.city.hirakawa.lg.jp/senkyo/kaihyo.html', false],
    ['【市HP更新】ゴミの分別が悪い地区があります。ちゃんと守ってください。https://www.city.hirakawa.lg.jp/gomi/', true],
  ] as const)('%s → needs approval: %s', (text, needsApproval) => {
    expect(checkers.tokenizer().check(text).needs_approval).toBe(needsApproval);
  });
});

describe('facts only is a property of the whole post (issue #7)', () => {
  const checkers = useCheckers();
  const check = (text: string) => checkers.tokenizer().check(text);

  it('a results line with a closing greeting is exempt', () => {
    const r = check('【結果】市長杯ソフトボール大会　優勝：本町クラブ、準優勝：新館ファイターズ。選手の皆さん、お疲れさまでした。');
    expect(r.exemption).toBe('facts');
  });

  it('a result word in a post that announces what is still to come needs approval', () => {
    const r = check('大会は無事に終わりました。優勝チームの発表は後日です。');
    expect(r.needs_approval).toBe(true);
    expect(r.exemption).toBeNull();
    expect(r.approval.reason).toContain('優勝チームの発表は後日');
  });

  it('a result followed by a remark the rules do not catch is not facts only', () => {
    const r = check('優勝は本町クラブでした。相手チームは正直弱すぎて草');
    expect(r.needs_approval).toBe(true);
  });

  it('a result with a request to the reader is not facts only', () => {
    const r = check('写真コンテストの入賞作品が決まりました。来月から市役所ロビーで展示しますので見に来てください。');
    expect(r.needs_approval).toBe(true);
  });
});
