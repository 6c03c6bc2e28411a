import type { WxrAuthor, WxrComment, WxrItem, WxrSite, WxrTerm } from './wxr-types.js';

/** Fresh records with every field present, so a missing element reads as an empty string. */
export const emptySite = (): WxrSite => ({ title: '', link: '', description: '', language: '', baseSiteUrl: '', baseBlogUrl: '', wxrVersion: '' });
export const emptyAuthor = (): WxrAuthor => ({ id: '', login: '', email: '', displayName: '', firstName: '', lastName: '' });
export const emptyTerm = (taxonomy: string): WxrTerm => ({ taxonomy, id: '', slug: '', name: '', parentSlug: '', description: '' });
export const emptyComment = (): WxrComment => ({
  id: '', author: '', authorEmail: '', authorUrl: '', date: '', dateGmt: '', content: '', approved: '', type: '', parentId: '', meta: [],
});
export const emptyItem = (): WxrItem => ({
  title: '', link: '', pubDate: '', creator: '', guid: '', description: '', content: '', excerpt: '', postId: '', postDate: '', postDateGmt: '',
  postModifiedGmt: '', postName: '', status: '', postParent: '', menuOrder: '', postType: '', postPassword: '', isSticky: '', attachmentUrl: '',
  terms: [], meta: [], comments: [],
});
