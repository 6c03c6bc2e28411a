"""Counts what a WordPress export holds, independently of Dateline's reader (Python's ElementTree).

Prints one JSON object: articles (posts and pages not in the trash or auto-drafts), posts, pages,
comments on those, author handles (declared logins plus bylines), term keys (declared plus used),
the attachment URLs, or {"error": ...} when the file is not well-formed XML even after raw ampersands are escaped.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

WP = re.compile(r'^https?://wordpress\.org/export/1\.\d+/$')
DC = 'http://purl.org/dc/elements/1.1/'


def local(tag):
    if tag.startswith('{'):
        uri, name = tag[1:].split('}', 1)
        return uri, name
    return '', tag


def wp(el, name):
    for child in el:
        uri, n = local(child.tag)
        if n == name and WP.match(uri):
            return (child.text or '').strip()
    return ''


def slugify(text):
    return re.sub(r'[^\w]+', '-', text.lower()).strip('-')


def main(path):
    raw = open(path, 'rb').read()
    text = raw.decode('utf-8', errors='replace')
    text = re.sub(r'&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)', '&amp;', text)
    text = re.sub(r'[\x00-\x08\x0b\x0c\x0e-\x1f]', '', text)
    try:
        root = ET.fromstring(text.encode('utf-8'))
    except ET.ParseError as e:
        print(json.dumps({'error': str(e)}))
        return
    channel = root.find('channel')
    if channel is None:
        print(json.dumps({'error': 'no channel'}))
        return
    authors, terms = set(), set()
    out = {'articles': 0, 'posts': 0, 'pages': 0, 'comments': 0, 'declaredAuthors': 0, 'declaredTerms': 0}
    for el in channel:
        uri, name = local(el.tag)
        if not WP.match(uri):
            continue
        if name == 'author':
            login = wp(el, 'author_login') or wp(el, 'author_display_name')
            out['declaredAuthors'] += 1
            authors.add(login)
        elif name in ('category', 'tag', 'term'):
            out['declaredTerms'] += 1
            if name == 'category':
                tax, slug, label = 'category', wp(el, 'category_nicename'), wp(el, 'cat_name')
            elif name == 'tag':
                tax, slug, label = 'post_tag', wp(el, 'tag_slug'), wp(el, 'tag_name')
            else:
                tax, slug, label = wp(el, 'term_taxonomy') or 'category', wp(el, 'term_slug'), wp(el, 'term_name')
            terms.add(f'{tax}:{slug or slugify(label)}')
    attachment_urls = []
    for item in channel.findall('item'):
        post_type, status = wp(item, 'post_type'), wp(item, 'status')
        if post_type == 'attachment':
            attachment_urls.append(wp(item, 'attachment_url') or (item.findtext('guid') or '').strip())
        if post_type not in ('post', 'page') or status in ('trash', 'auto-draft'):
            continue
        out['articles'] += 1
        out['posts' if post_type == 'post' else 'pages'] += 1
        out['comments'] += sum(1 for c in item if local(c.tag)[1] == 'comment' and WP.match(local(c.tag)[0]) and wp(c, 'comment_id'))
        co_authors = [c for c in item.findall('category') if c.get('domain') == 'author']
        if co_authors:
            for c in co_authors:
                authors.add(re.sub(r'^cap-', '', c.get('nicename') or ''))
        else:
            creator = item.find(f'{{{DC}}}creator')
            if creator is not None and (creator.text or '').strip():
                authors.add(creator.text.strip())
        for c in item.findall('category'):
            domain = c.get('domain') or 'category'
            if domain == 'author':
                continue
            domain = 'post_tag' if domain == 'tag' else domain
            terms.add(f"{domain}:{c.get('nicename') or slugify((c.text or '').strip())}")
    out['authorHandles'] = len(authors)
    out['termKeys'] = len(terms)
    out['attachmentUrls'] = sorted(set(attachment_urls))
    print(json.dumps(out))


def item_fields(path, post_id):
    """The fields of one item, for a field-by-field comparison."""
    root = ET.parse(path).getroot()
    for item in root.find('channel').findall('item'):
        if wp(item, 'post_id') != post_id:
            continue
        creator = item.find(f'{{{DC}}}creator')
        comments = []
        for c in item:
            uri, n = local(c.tag)
            if n == 'comment' and WP.match(uri):
                comments.append({'id': wp(c, 'comment_id'), 'parent': wp(c, 'comment_parent'), 'approved': wp(c, 'comment_approved'),
                                 'author': wp(c, 'comment_author'), 'type': wp(c, 'comment_type'), 'date_gmt': wp(c, 'comment_date_gmt')})
        print(json.dumps({
            'title': (item.findtext('title') or '').strip(), 'post_name': wp(item, 'post_name'), 'status': wp(item, 'status'),
            'post_date_gmt': wp(item, 'post_date_gmt'), 'creator': (creator.text or '').strip() if creator is not None else '',
            'link': (item.findtext('link') or '').strip(),
            'categories': [{'domain': c.get('domain'), 'nicename': c.get('nicename'), 'name': (c.text or '').strip()} for c in item.findall('category')],
            'comments': comments,
        }))
        return
    print(json.dumps(None))


if len(sys.argv) > 2:
    item_fields(sys.argv[1], sys.argv[2])
else:
    main(sys.argv[1])
